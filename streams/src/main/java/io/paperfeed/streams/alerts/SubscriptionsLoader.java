package io.paperfeed.streams.alerts;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscriptions store and the instance's {@link SubscriptionMatcher} in step with
 * the compacted {@code paperfeed.subscriptions} topic: a value registers or replaces, a tombstone
 * deletes, within seconds and without a restart. After a restore (which fills the store without
 * calling {@link #process}) the matcher is loaded from the store. A record that is not a valid
 * subscription is logged and skipped; it never stops the others.
 */
final class SubscriptionsLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsLoader.class);

    private final SubscriptionMatcher matcher;
    private KeyValueStore<String, byte[]> store;

    SubscriptionsLoader(SubscriptionMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE);
        int loaded = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                apply(entry.key, entry.value);
                loaded++;
            }
        }
        log.info("loaded {} subscriptions from the global store", loaded);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("subscription record without a key skipped");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        apply(record.key(), record.value());
    }

    private void apply(String key, byte[] bytes) {
        Subscription value;
        try {
            value = PaperSerdes.SUBSCRIPTION.deserialize(Topics.SUBSCRIPTIONS.name(), bytes);
        } catch (SerializationException e) {
            log.warn("subscription {} is not valid and is ignored: {}", key, e.getMessage());
            matcher.delete(key);
            return;
        }
        matcher.apply(key, value).ifPresent(reason -> log.warn("subscription {} refused: {}", key, reason));
    }

    @Override
    public void close() {
        matcher.close();
    }
}
