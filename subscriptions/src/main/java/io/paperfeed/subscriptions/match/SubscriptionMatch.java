package io.paperfeed.subscriptions.match;

import io.paperfeed.model.SimilarTo;
import java.util.List;

/**
 * One subscription a paper matched, and why.
 *
 * @param topics    the paper's topics that the subscription named (in its topic list or a {@code topics:} clause)
 * @param terms     what of the paper matched the query: words and phrases of the title and abstract as they
 *                  appear there (lowercased), then field values as {@code authors:<name>} and
 *                  {@code categories:<category>}
 * @param similarTo for a subscription with a profile (a like list, or ratings): its score and the closest
 *                  liked papers; null otherwise
 */
public record SubscriptionMatch(String subscriptionId, List<String> topics, List<String> terms, SimilarTo similarTo) {

    public SubscriptionMatch {
        topics = List.copyOf(topics);
        terms = List.copyOf(terms);
    }

    /** A match of a subscription without a profile. */
    public SubscriptionMatch(String subscriptionId, List<String> topics, List<String> terms) {
        this(subscriptionId, topics, terms, null);
    }

    SubscriptionMatch withSimilarTo(SimilarTo why) {
        return new SubscriptionMatch(subscriptionId, topics, terms, why);
    }
}
