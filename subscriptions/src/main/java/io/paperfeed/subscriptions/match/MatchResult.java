package io.paperfeed.subscriptions.match;

import java.util.List;

/**
 * The subscriptions one paper matched and what it cost. The order is stable: subscriptions with the same
 * query (matched as one group) together in id order, the groups (and the single ones) by their first id.
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
