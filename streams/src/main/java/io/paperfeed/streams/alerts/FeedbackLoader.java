package io.paperfeed.streams.alerts;

import io.paperfeed.model.Rating;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.FeedbackRecords;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global feedback store and the profiles (of the instance's matcher, or of its open matching
 * shards: {@link MatcherShards}) in step with the compacted
 * {@code paperfeed.feedback} topic: a rating adds or replaces that (subscription, paper)'s rating and the
 * subscription's profile is retrained at once, so the next paper is scored by it; a tombstone withdraws it.
 * Every instance reads every rating, as it reads every subscription. After a restore the ratings are loaded
 * from the store. A record that breaks the {@link FeedbackRecords} rules is counted and logged with its
 * position when {@link #process} reads it (not again when {@link #init} loads it back from the store), and
 * skipped (a rating under that key withdrawn); the dead-letter audit writes its letter, once across
 * instances, since a global store belongs to no consumer group.
 */
final class FeedbackLoader implements Processor<String, byte[], Void, Void> {

    static final String FEEDBACK_STORE = "feedback";
    private static final Logger log = LoggerFactory.getLogger(FeedbackLoader.class);

    private final BiConsumer<String, Rating> ratings;
    private final Runnable onUnreadable;
    private final BooleanSupplier restoring;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    /** @param ratings told of each rating by its key, null for one withdrawn (the matcher's, or the shards') */
    FeedbackLoader(BiConsumer<String, Rating> ratings, Runnable onUnreadable, BooleanSupplier restoring) {
        this.ratings = ratings;
        this.onUnreadable = onUnreadable;
        this.restoring = restoring;
    }

    /**
     * @param restoring whether Kafka Streams is restoring the store now: then a record is stored and read (an
     *                  unreadable one counted), and its profile retrained by the init after the restore
     */
    static void addTo(StreamsBuilder builder, BiConsumer<String, Rating> ratings, Runnable onUnreadable,
                      BooleanSupplier restoring) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FEEDBACK_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                Topics.FEEDBACK.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-feedback"),
                () -> new FeedbackLoader(ratings, onUnreadable, restoring));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(FEEDBACK_STORE);
        int loaded = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                loaded += apply(entry.key, entry.value, null, true) ? 1 : 0;
            }
        }
        log.info("loaded {} ratings from the global store", loaded);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse(Topics.FEEDBACK.name());
        if (record.key() == null) {
            onUnreadable.run();
            log.warn("unreadable rating at {}: no key", where);
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        // a restored rating is only read (an unreadable one counted here, with its position): the init that
        // follows the restore applies them all, each profile retrained once per rating it has then
        apply(record.key(), record.value(), where, !restoring.getAsBoolean());
    }

    /**
     * @param where  the record's position, or null for a record loaded from the store (counted when it was read)
     * @param retrain false to only read the record (during a restore)
     */
    private boolean apply(String key, byte[] value, String where, boolean retrain) {
        try {
            Rating rating = FeedbackRecords.read(key, value);
            if (retrain) {
                ratings.accept(key, rating);
            }
            return rating != null;
        } catch (IllegalArgumentException e) {
            if (where != null) {
                onUnreadable.run();
                log.warn("unreadable rating at {} (key {}): {}", where, key, e.getMessage());
            }
            if (retrain) {
                ratings.accept(key, null);
            }
            return false;
        }
    }
}
