package io.paperfeed.subscriptions.match;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.query.PaperFields;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A subscription ready to match: its Lucene query, the category and topic values it names, and which
 * backend answers it.
 *
 * @param query       null for a subscription with a like list only: its {@link ProfileIndex profile} alone answers it
 * @param clauses     the query's clauses when the {@link TermIndex} answers it; null for the {@link MonitorBackend}
 * @param highlighted whether the query asks for words or authors, whose matches are highlighted
 */
record CompiledSubscription(Subscription subscription, Query query, FieldTerms fieldTerms, Clauses clauses,
                            boolean highlighted) {

    static final Set<String> VALUE_FIELDS = Set.of(PaperFields.CATEGORIES, PaperFields.TOPICS);
    private static final Set<String> TEXT_FIELDS = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);

    /**
     * @param useTermIndex false to leave every subscription to the monitor (to compare the two backends)
     * @throws IllegalArgumentException when the validator refuses the subscription
     */
    static CompiledSubscription of(Subscription subscription, SubscriptionValidator validator, boolean useTermIndex) {
        Query query = validator.check(subscription);
        if (query == null) {
            return new CompiledSubscription(subscription, null, null, null, false);
        }
        return new CompiledSubscription(subscription, query, FieldTerms.of(query, VALUE_FIELDS),
                useTermIndex ? Clauses.of(query) : null, !FieldTerms.of(query, TEXT_FIELDS).isEmpty());
    }

    String id() {
        return subscription.id();
    }

    boolean inMonitor() {
        return query != null && clauses == null;
    }

    /** A like list and nothing else: neither Lucene backend holds it. */
    boolean likeOnly() {
        return query == null;
    }
}
