package io.paperfeed.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which state stores Kafka Streams is restoring now, by store name. Kafka Streams restores a global
 * store by calling its processor for every record of the topic since the store's checkpoint (all of them
 * for an in-memory store, at every start), and initialises the processor again afterwards; the
 * subscriptions' and ratings' loaders ask this listener, so that while a restore runs they only fill
 * their store and leave loading the matcher to that second initialisation, in bulk.
 */
public final class GlobalStoreRestores implements StateRestoreListener {

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    /** Whether a restore of this store (any of its partitions) has started and not ended. */
    public boolean isRestoring(String storeName) {
        AtomicInteger n = running.get(storeName);
        return n != null && n.get() > 0;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        running.computeIfAbsent(storeName, name -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        running.computeIfAbsent(storeName, name -> new AtomicInteger()).decrementAndGet();
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        onRestoreEnd(partition, storeName, totalRestored);
    }
}
