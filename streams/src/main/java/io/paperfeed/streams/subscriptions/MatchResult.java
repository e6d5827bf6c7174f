package io.paperfeed.streams.subscriptions;

import java.util.List;

/**
 * The subscriptions one paper matched (in subscription id order) and what it cost.
 *
 * @param queriesRun how many subscription queries were actually run against the paper, after the
 *                   presearcher filtered out those that cannot match (its selectivity)
 * @param queryCount how many subscriptions were registered when the paper was matched
 */
public record MatchResult(List<SubscriptionMatch> matches, int queriesRun, int queryCount) {

    public MatchResult {
        matches = List.copyOf(matches);
    }

    /** The ids of the matched subscriptions. */
    public List<String> ids() {
        return matches.stream().map(SubscriptionMatch::subscriptionId).toList();
    }
}
