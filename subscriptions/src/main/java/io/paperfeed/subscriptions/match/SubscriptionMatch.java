package io.paperfeed.subscriptions.match;

import java.util.List;

/**
 * One subscription a paper matched, and why.
 *
 * @param topics the paper's topics that the subscription named (in its topic list or a {@code topics:} clause)
 * @param terms  what of the paper matched the query: words and phrases of the title and abstract as they
 *               appear there (lowercased), then field values as {@code authors:<name>} and
 *               {@code categories:<category>}
 */
public record SubscriptionMatch(String subscriptionId, List<String> topics, List<String> terms) {

    public SubscriptionMatch {
        topics = List.copyOf(topics);
        terms = List.copyOf(terms);
    }
}
