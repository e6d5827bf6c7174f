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
 * Keeps the global subscriptions store and the instance's {@link SubscriptionMatcher} in step with the
 * compacted {@code paperfeed.subscriptions} topic, by the {@link SubscriptionTable}'s rules (the same
 * as every service's view): a valid value registers or replaces, a tombstone, a disabled or an
 * unreadable record deletes, within seconds and without a restart. After a restore (which fills the
 * store without calling {@link #process}) the matcher is loaded from the store in batches ({@link RestoreBatches}).
 */
final class SubscriptionsLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsLoader.class);

    private final SubscriptionTable table;
    private final SubscriptionMatcher matcher;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    SubscriptionsLoader(SubscriptionTable table, SubscriptionMatcher matcher) {
        this.table = table;
        this.matcher = matcher;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE);
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
        matcher.apply(table.apply(record.key(), record.value(), where))
                .ifPresent(reason -> log.warn("subscription {} refused: {}", record.key(), reason));
    }

    @Override
    public void close() {
        matcher.close();
    }
}
