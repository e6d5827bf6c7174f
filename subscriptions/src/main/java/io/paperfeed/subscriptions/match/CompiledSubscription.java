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
 * @param query       the Lucene query, when the {@link MonitorBackend} answers it; null for the {@link TermIndex}, and
 *                    for a subscription with a like list only: its {@link ProfileIndex profile} alone answers it
 * @param fieldTerms  the category and topic values the query names, for the monitor's why; null for the term index
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
        if (query == null) { // a like list only: the profile index answers it
            return new CompiledSubscription(subscription, null, null, null, false);
        }
        Clauses clauses = useTermIndex ? Clauses.of(query) : null;
        if (clauses != null) { // the term index holds its clauses only
            return new CompiledSubscription(subscription, null, null, clauses, false);
        }
        return new CompiledSubscription(subscription, query, FieldTerms.of(query, VALUE_FIELDS), null,
                !FieldTerms.of(query, TEXT_FIELDS).isEmpty());
    }

    /** The same compiled query for another subscription with the same query and topics. */
    CompiledSubscription as(Subscription other) {
        return new CompiledSubscription(other, query, fieldTerms, clauses, highlighted);
    }

    /** What decides the compiled query: two subscriptions with the same key compile the same. */
    static String key(Subscription s) {
        return (s.query() == null ? "-" : "q" + s.query()) + '\u0000' + String.join("\u0000", s.topics());
    }

    String id() {
        return subscription.id();
    }

    boolean inMonitor() {
        return query != null && clauses == null;
    }

    /** A like list and nothing else: neither Lucene backend holds it. */
    boolean likeOnly() {
        return query == null && clauses == null;
    }
}
