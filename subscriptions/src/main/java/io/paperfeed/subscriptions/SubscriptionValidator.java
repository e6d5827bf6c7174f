package io.paperfeed.subscriptions;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.query.SubscriptionQuery;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;

/**
 * The one check of a subscription beyond its record's own (id, fields): every topic it names is in
 * the taxonomy, its {@code alertOn} can alert at all, and its query and topics make one searchable
 * Lucene query. The API, the subscriptions
 * file, the view of the topic and the matcher all ask this class, so what one accepts the others do.
 */
public final class SubscriptionValidator {

    private final Set<String> topicIds;

    /** @param topicIds the taxonomy's topic ids; empty to accept any topic id */
    public SubscriptionValidator(Set<String> topicIds) {
        this.topicIds = Set.copyOf(topicIds);
    }

    /** A validator for the topics of this taxonomy. */
    public static SubscriptionValidator of(Taxonomy taxonomy) {
        return new SubscriptionValidator(taxonomy.topics().stream().map(TopicDefinition::id)
                .collect(Collectors.toSet()));
    }

    /** A validator that accepts any topic id (tools and tests without a taxonomy). */
    public static SubscriptionValidator anyTopic() {
        return new SubscriptionValidator(Set.of());
    }

    /**
     * The subscription's Lucene query, once it is known to be valid; null for a subscription with a like
     * list only. Every liked paper must be resolved (carry its embedding, all of one model): the API and the
     * subscriptions file loader resolve them ({@code like.LikeResolver}) before they publish.
     *
     * @throws InvalidSubscriptionException saying what is wrong
     */
    public Query check(Subscription subscription) {
        if (subscription.alertOn().stream().allMatch(o -> o == AlertOn.UPDATE)) {
            throw new InvalidSubscriptionException("invalid-alert-on", "subscription " + subscription.id()
                    + ": alertOn [update] alone never alerts (an update alerts a paper already alerted); add new,"
                    + " under_review or published", "alertOn", "update", null);
        }
        String model = null;
        for (LikeItem item : subscription.like()) {
            if (!item.resolved()) {
                throw new InvalidSubscriptionException("unresolved-like", "subscription " + subscription.id()
                        + ": the liked paper " + item.label() + " has no embedding (it was not resolved)", "like",
                        item.label(), null);
            }
            if (model != null && !model.equals(item.embedding().model())) {
                throw new InvalidSubscriptionException("mixed-models", "subscription " + subscription.id()
                        + ": its liked papers were embedded by different models (" + model + ", "
                        + item.embedding().model() + ")", "like", item.label(), null);
            }
            model = item.embedding().model();
        }
        if (!topicIds.isEmpty()) {
            for (String topic : subscription.topics()) {
                if (!topicIds.contains(topic)) {
                    throw new InvalidSubscriptionException("unknown-topic", "subscription " + subscription.id()
                            + ": topic " + topic + " is not in the taxonomy", "topic", topic, null);
                }
            }
        }
        try {
            return SubscriptionQuery.build(subscription);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("invalid-query", e.getMessage(), "query", subscription.query(), e);
        }
    }
}
