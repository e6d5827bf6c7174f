package io.paperfeed.streams.alerts;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.FeedbackRecords;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.RestoreBatches;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matchers of one instance when matching is sharded by subscription: shard {@code p} of {@code count}
 * holds the subscriptions whose id hashes to {@code p} ({@link #shardOf}: murmur2 of the id's UTF-8 bytes,
 * as Kafka's default partitioner places a record keyed by it), and is open while this instance runs the
 * match task of partition {@code p}. A task opens its shard from the global stores (subscriptions and
 * ratings of its share) and closes it when it leaves; the global loaders route every later change to the
 * open shard it belongs to. Opening and routing take one lock, so a change is either in the stores before
 * a shard is read from them or routed to it after.
 *
 * <p>Whether papers need embeddings ({@link #mayHaveProfiles}) is answered for all subscriptions, not this
 * instance's share: from the ids of enabled subscriptions with a like list or a similarity threshold, and
 * the ratings, both kept from the global stores. It may say yes where no profile has formed yet, never no where one has.
 */
public final class MatcherShards {

    private static final Logger log = LoggerFactory.getLogger(MatcherShards.class);

    private final int count;
    private final SubscriptionValidator validator;
    private final Object routing = new Object();
    private final Map<Integer, SubscriptionMatcher> open = new ConcurrentHashMap<>();
    private volatile Set<String> withLikeLists = ConcurrentHashMap.newKeySet();
    private final Set<String> rated = ConcurrentHashMap.newKeySet();

    /** @param count how many shards: the partitions of the papers-to-match topic, fixed once there is state */
    public MatcherShards(int count, SubscriptionValidator validator) {
        if (count < 1) {
            throw new IllegalArgumentException("matching needs at least one shard, not " + count);
        }
        this.count = count;
        this.validator = validator;
    }

    public int count() {
        return count;
    }

    /** The shard of a subscription id, of {@code count}: Kafka's default partitioner of a String key. */
    static int shardOf(String subscriptionId, int count) {
        return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % count;
    }

    int shardOf(String subscriptionId) {
        return shardOf(subscriptionId, count);
    }

    /**
     * Opens shard {@code p} from the global stores: its subscriptions registered in bulk, then its
     * ratings; from here on the loaders route its changes to it.
     */
    SubscriptionMatcher open(int p, ReadOnlyKeyValueStore<String, byte[]> subscriptions,
                             ReadOnlyKeyValueStore<String, byte[]> feedback) {
        synchronized (routing) {
            SubscriptionMatcher matcher = new SubscriptionMatcher(validator);
            RestoreBatches restore = new RestoreBatches(SubscriptionTable.rulesOnly(validator), matcher);
            try (KeyValueIterator<String, byte[]> all = subscriptions.all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    if (shardOf(entry.key) == p) {
                        restore.add(entry.key, entry.value, "the global store");
                    }
                }
            }
            restore.finish();
            int ratings = 0;
            try (KeyValueIterator<String, byte[]> all = feedback.all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    if (shardOf(Rating.subscriptionOf(entry.key)) == p) {
                        ratings += applyRating(matcher, entry.key, entry.value) ? 1 : 0;
                    }
                }
            }
            SubscriptionMatcher before = open.put(p, matcher);
            if (before != null) {
                before.close();
            }
            log.info("matching shard {} of {} opened: {} subscriptions ({} refused), {} ratings", p, count,
                    restore.registered(), restore.refused(), ratings);
            return matcher;
        }
    }

    /** Closes shard {@code p} when its task leaves this instance (its matcher is dropped). */
    void close(int p, SubscriptionMatcher matcher) {
        synchronized (routing) {
            if (open.remove(p, matcher)) {
                matcher.close();
            }
        }
    }

    /**
     * The ids of enabled subscriptions with a like list or a similarity threshold are these (from a scan of
     * the whole global store, before any shard is open); they replace what was known, so an id deleted while the store was restored
     * (and so never routed here) is forgotten.
     */
    void likeListsAre(Set<String> ids) {
        Set<String> fresh = ConcurrentHashMap.newKeySet(ids.size());
        fresh.addAll(ids);
        withLikeLists = fresh;
    }

    /**
     * Whether a change leaves its id with what makes a profile: an enabled subscription with a like list or a
     * similarity threshold (a disabled one matches nothing, so it needs no paper embedded).
     */
    static boolean profiled(SubscriptionTable.Change change) {
        Subscription s = change.current();
        return change.active() && (s.hasLike() || s.minSimilarity() != null);
    }

    /** Routes one change of the subscriptions topic (already read by the table's rules) to its shard, if open. */
    void apply(SubscriptionTable.Change change) {
        if (change.id() == null) {
            return;
        }
        if (profiled(change)) {
            withLikeLists.add(change.id());
        } else {
            withLikeLists.remove(change.id());
        }
        synchronized (routing) {
            SubscriptionMatcher matcher = open.get(shardOf(change.id()));
            if (matcher != null) {
                matcher.apply(change).ifPresent(reason -> log.warn("subscription {} refused: {}", change.id(), reason));
            }
        }
    }

    /**
     * Routes one record of the feedback topic (read by its rules: null for a tombstone or an unreadable
     * record, which withdraws the rating under its key) to the shard of its subscription, if open.
     */
    void applyRating(String key, Rating rating) {
        if (rating != null) {
            rated.add(key);
        } else {
            rated.remove(key);
        }
        synchronized (routing) {
            SubscriptionMatcher matcher = open.get(shardOf(Rating.subscriptionOf(key)));
            if (matcher != null) {
                matcher.applyRating(key, rating);
            }
        }
    }

    private static boolean applyRating(SubscriptionMatcher matcher, String key, byte[] value) {
        Rating rating;
        try {
            rating = FeedbackRecords.read(key, value);
        } catch (IllegalArgumentException e) {
            rating = null; // counted and logged by the feedback loader when it read the record
        }
        matcher.applyRating(key, rating);
        return rating != null;
    }

    /** Whether some subscription, on any shard, may have a profile (then papers need their embeddings). */
    public boolean mayHaveProfiles() {
        return !withLikeLists.isEmpty() || !rated.isEmpty();
    }

    /** The occasions a subscription alerts on, asked on the task of its shard; {@code [new]} when unknown. */
    Set<AlertOn> alertOn(String subscriptionId) {
        SubscriptionMatcher matcher = open.get(shardOf(subscriptionId));
        return matcher == null ? EnumSet.of(AlertOn.NEW) : matcher.alertOn(subscriptionId);
    }

    /** A subscription's mode, asked on the task of its shard. */
    Optional<Subscription.Mode> mode(String subscriptionId) {
        SubscriptionMatcher matcher = open.get(shardOf(subscriptionId));
        return matcher == null ? Optional.empty() : matcher.mode(subscriptionId);
    }

    /** How many subscriptions the open shards of this instance hold. */
    public int registered() {
        return open.values().stream().mapToInt(SubscriptionMatcher::queryCount).sum();
    }
}
