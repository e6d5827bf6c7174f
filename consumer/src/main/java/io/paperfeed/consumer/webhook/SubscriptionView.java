package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest version of every subscription, read from the compacted subscriptions topic by a consumer
 * of its own (no group: it assigns itself every partition and reads from the beginning), kept up to
 * date by a daemon thread. A tombstone removes a subscription. A value that cannot be read is logged
 * with its offset and removes the id (the topic's latest word on it is unusable).
 */
final class SubscriptionView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionView.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Instant caughtUpAsOf = Instant.MIN;

    SubscriptionView(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "paperfeed-webhook-subscriptions");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the reading thread is still up (false once it failed, or after {@link #close}). */
    boolean running() {
        return thread.isAlive();
    }

    /** The subscription with this id, unless it was deleted or never seen. */
    Optional<Subscription> get(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    /** The view holds every subscription published before this instant (the last catch-up's end offsets). */
    Instant caughtUpAsOf() {
        return caughtUpAsOf;
    }

    /** Records a version this process just published, before it comes back from the topic. */
    void put(Subscription subscription) {
        subscriptions.put(subscription.id(), subscription);
    }

    /**
     * Waits until the view has read the topic up to its end offsets as of now.
     *
     * @return false when that took longer than the timeout
     */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the subscription view stopped: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            CatchUp pending = null;
            while (!stopping) {
                if (pending == null && !catchUpRequests.isEmpty()) {
                    Instant asOf = Instant.now();
                    pending = new CatchUp(consumer.endOffsets(partitions), asOf);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (pending != null && pending.reached(consumer)) {
                    caughtUpAsOf = pending.asOf();
                    for (CompletableFuture<Void> r; (r = catchUpRequests.poll()) != null; ) {
                        r.complete(null);
                    }
                    pending = null;
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                fail(e);
            }
        } catch (RuntimeException e) {
            log.error("the subscription view of {} stopped", topic, e);
            fail(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (!stopping) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            log.info("waiting for topic {} to exist", topic);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("subscription record without a key at {}-{}@{} ignored", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (record.value() == null) {
            subscriptions.remove(record.key());
            return;
        }
        try {
            subscriptions.put(record.key(), PaperSerdes.SUBSCRIPTION.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            subscriptions.remove(record.key());
            log.warn("subscription {} at {}-{}@{} cannot be read, its webhooks are off: {}", record.key(),
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void fail(RuntimeException e) {
        for (CompletableFuture<Void> r; (r = catchUpRequests.poll()) != null; ) {
            r.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(5_000);
    }

    /** End offsets to reach. */
    private record CatchUp(Map<TopicPartition, Long> ends, Instant asOf) {
        boolean reached(KafkaConsumer<?, ?> consumer) {
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }
}
