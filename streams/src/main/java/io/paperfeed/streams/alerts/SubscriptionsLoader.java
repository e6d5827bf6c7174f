package io.paperfeed.streams.alerts;

import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.match.RestoreBatches;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscriptions store in step with the compacted {@code paperfeed.subscriptions} topic,
 * and the matching behind it by the {@link SubscriptionTable}'s rules (the same as every service's view):
 * a valid value registers or replaces, a tombstone, a disabled or an unreadable record deletes, within
 * seconds and without a restart. Matching is either the instance's one {@link SubscriptionMatcher}, loaded
 * from the store in batches by {@link RestoreBatches} when the loader is initialised, or the instance's {@link MatcherShards}, whose match tasks load their shares
 * from the store themselves; then this loader only routes changes to them. Kafka Streams restores the store
 * by calling {@link #process} for every record since its checkpoint (every record, for the in-memory store,
 * at every start) and then initialises the loader again: while the restore runs a record only goes into the
 * store, and that {@link #init} loads them all at once, 100,000 a registration.
 */
final class SubscriptionsLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsLoader.class);

    private final SubscriptionTable table;
    private final SubscriptionMatcher matcher;
    private final MatcherShards shards;
    private final BooleanSupplier restoring;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    /**
     * A loader of every subscription into the instance's one matcher.
     *
     * @param restoring whether Kafka Streams is restoring the store now ({@code GlobalStoreRestores}): then a
     *                  record only goes into the store, and the initialisation after the restore loads them all
     */
    SubscriptionsLoader(SubscriptionTable table, SubscriptionMatcher matcher, BooleanSupplier restoring) {
        this(table, matcher, null, restoring);
    }

    /** A loader that routes each change to the open shard of its subscription. */
    SubscriptionsLoader(SubscriptionTable table, MatcherShards shards, BooleanSupplier restoring) {
        this(table, null, shards, restoring);
    }

    private SubscriptionsLoader(SubscriptionTable table, SubscriptionMatcher matcher, MatcherShards shards,
                                BooleanSupplier restoring) {
        this.table = table;
        this.matcher = matcher;
        this.shards = shards;
        this.restoring = restoring;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE);
        if (matcher == null) {
            findLikeLists();
            return;
        }
        RestoreBatches restore = new RestoreBatches(table, matcher);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                restore.add(entry.key, entry.value, "the global store");
            }
        }
        restore.finish();
        log.info("loaded {} subscriptions from the global store ({} refused)", restore.registered(), restore.refused());
    }

    /**
     * No shard is open before the global store is: the scan finds which subscriptions have like lists (or
     * similarity thresholds), and that set replaces the one known before (2.2 s at a million subscriptions).
     */
    private void findLikeLists() {
        long start = System.nanoTime();
        Set<String> ids = new HashSet<>();
        int scanned = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                scanned++;
                if (MatcherShards.profiled(table.apply(entry.key, entry.value, "the global store"))) {
                    ids.add(entry.key);
                }
            }
        }
        shards.likeListsAre(ids);
        log.info("read {} subscriptions of the global store for {} matching shards in {} ms: {} with a like list or a "
                + "similarity threshold", scanned, shards.count(), (System.nanoTime() - start) / 1_000_000, ids.size());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() != null) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
        if (restoring.getAsBoolean()) {
            return; // one record at a time would be a registration each: init loads the restored store in bulk
        }
        String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("paperfeed.subscriptions");
        SubscriptionTable.Change change = table.apply(record.key(), record.value(), where);
        if (shards != null) {
            shards.apply(change);
        } else {
            matcher.apply(change).ifPresent(reason -> log.warn("subscription {} refused: {}", record.key(), reason));
        }
    }

    @Override
    public void close() {
        if (matcher != null) {
            matcher.close();
        }
    }
}
