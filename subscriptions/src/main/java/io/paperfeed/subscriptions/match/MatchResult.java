package io.paperfeed.subscriptions.match;

import io.paperfeed.model.SimilarTo;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscriptions one paper matched and what it cost, as groups: subscriptions with the same query
 * were matched once and share one why, so a paper that thousands of category watches match costs one
 * {@link Group}, not thousands of records. The order is stable: subscriptions with the same query
 * together in id order, the groups (and the single ones) by their first id.
 */
public final class MatchResult {

    private final List<Group> groups;
    private final int queriesRun;
    private final int queryCount;
    private final int size;

    /**
     * @param queriesRun how many subscription queries were actually run against the paper, after the
     *                   presearcher filtered out those that cannot match (its selectivity)
     * @param queryCount how many subscriptions were registered when the paper was matched
     */
    public MatchResult(List<Group> groups, int queriesRun, int queryCount) {
        this.groups = List.copyOf(groups);
        this.queriesRun = queriesRun;
        this.queryCount = queryCount;
        int n = 0;
        for (Group g : this.groups) {
            n += g.subscriptionIds().size();
        }
        this.size = n;
    }

    /**
     * Subscriptions that matched with the same why.
     *
     * @param subscriptionIds in id order, at least one
     * @param topics          as {@link SubscriptionMatch#topics()}
     * @param terms           as {@link SubscriptionMatch#terms()}
     * @param similarTo       as {@link SubscriptionMatch#similarTo()}: only ever on a group of one
     */
    public record Group(List<String> subscriptionIds, List<String> topics, List<String> terms, SimilarTo similarTo) {

        /** Subscriptions without a profile. */
        public Group(List<String> subscriptionIds, List<String> topics, List<String> terms) {
            this(subscriptionIds, topics, terms, null);
        }

        public Group {
            subscriptionIds = List.copyOf(subscriptionIds);
            topics = List.copyOf(topics);
            terms = List.copyOf(terms);
            if (subscriptionIds.isEmpty()) {
                throw new IllegalArgumentException("a group of matches needs a subscription");
            }
        }
    }

    /** The matches in groups, in order. */
    public List<Group> groups() {
        return groups;
    }

    /** Each match on its own (one record per subscription: for a few, not for thousands a paper). */
    public List<SubscriptionMatch> matches() {
        List<SubscriptionMatch> matches = new ArrayList<>(size);
        for (Group g : groups) {
            for (String id : g.subscriptionIds()) {
                matches.add(new SubscriptionMatch(id, g.topics(), g.terms(), g.similarTo()));
            }
        }
        return List.copyOf(matches);
    }

    /** How many subscriptions matched. */
    public int size() {
        return size;
    }

    /** The ids of the matched subscriptions. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(size);
        groups.forEach(g -> ids.addAll(g.subscriptionIds()));
        return List.copyOf(ids);
    }

    public int queriesRun() {
        return queriesRun;
    }

    public int queryCount() {
        return queryCount;
    }
}
