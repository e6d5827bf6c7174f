package io.paperfeed.streams.alerts;

import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.match.RestoreBatches;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
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
 * from the store in batches after a restore (which fills the store without calling {@link #process}) by
 * {@link RestoreBatches}, or the instance's {@link MatcherShards}, whose match tasks load their shares
 * from the store themselves; then this loader only routes changes to them.
 */
final class SubscriptionsLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsLoader.class);

    private final SubscriptionTable table;
    private final SubscriptionMatcher matcher;
    private final MatcherShards shards;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    /** A loader of every subscription into the instance's one matcher. */
    SubscriptionsLoader(SubscriptionTable table, SubscriptionMatcher matcher) {
        this(table, matcher, null);
    }

    /** A loader that routes each change to the open shard of its subscription. */
    SubscriptionsLoader(SubscriptionTable table, MatcherShards shards) {
        this(table, null, shards);
    }

    private SubscriptionsLoader(SubscriptionTable table, SubscriptionMatcher matcher, MatcherShards shards) {
        this.table = table;
        this.matcher = matcher;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE);
        if (matcher == null) {
            int read = 0;
            try (KeyValueIterator<String, byte[]> all = store.all()) {
                while (all.hasNext()) { // no shard is open before the global store is: this counts like lists
                    var entry = all.next();
                    shards.apply(table.apply(entry.key, entry.value, "the global store"));
                    read++;
                }
            }
            log.info("read {} subscriptions from the global store for {} matching shards", read, shards.count());
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

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() != null) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
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
