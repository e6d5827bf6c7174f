package io.paperfeed.consumer.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions as the compacted topic {@code paperfeed.subscriptions} has them: read from its
 * beginning by a thread of its own and kept up to date. {@link #awaitPast} lets a writer wait until
 * its own write is in the view (read-your-writes). A record that is not a valid subscription is
 * logged with its position, counted ({@code paperfeed.api.subscriptions.unreadable}) and removes
 * the id's earlier version, as the matcher does.
 */
final class SubscriptionView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionView.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    /** Next offset to read per partition; guarded by this. */
    private final Map<Integer, Long> positions = new HashMap<>();
    private final Counter unreadable;
    private final Thread thread;
    private volatile boolean closing;

    SubscriptionView(String bootstrapServers, MeterRegistry registry) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperfeed-api-subscriptions");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.unreadable = Counter.builder("paperfeed.api.subscriptions.unreadable")
                .description("Records of paperfeed.subscriptions that are not a valid subscription")
                .register(registry);
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.SUBSCRIPTIONS.name(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            consumer.close(Duration.ZERO);
            throw new IllegalStateException("Kafka topic " + Topics.SUBSCRIPTIONS.name() + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "paperfeed-api-subscriptions");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    List<Subscription> all() {
        return byId.values().stream().sorted(Comparator.comparing(Subscription::id)).toList();
    }

    Optional<Subscription> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Waits until the record at {@code offset} of {@code partition} is in the view; false on timeout. */
    synchronized boolean awaitPast(int partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (positions.getOrDefault(partition, -1L) <= offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closing) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void run() {
        try {
            while (!closing) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                synchronized (this) {
                    for (TopicPartition tp : consumer.assignment()) {
                        positions.put(tp.partition(), consumer.position(tp));
                    }
                    notifyAll();
                }
            }
        } catch (WakeupException | InterruptException e) {
            if (!closing) {
                log.error("the subscription view stopped unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("the subscription view failed; the API answers from what it had read", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            reject(record, "no key");
            return;
        }
        if (record.value() == null) {
            byId.remove(record.key());
            return;
        }
        try {
            Subscription s = Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (!record.key().equals(s.id())) {
                reject(record, "key " + record.key() + " is not the subscription's id " + s.id());
                byId.remove(record.key());
                return;
            }
            byId.put(s.id(), s);
        } catch (SerializationException | IllegalArgumentException e) {
            reject(record, e.getMessage());
            byId.remove(record.key());
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, String why) {
        unreadable.increment();
        log.warn("unreadable subscription at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), why);
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
