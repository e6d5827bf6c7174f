package io.paperfeed.app.ops;

import io.paperfeed.model.Alert;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails {@code paperfeed.alerts} (read committed, no consumer group, so it moves no one's offsets)
 * from the last {@code capacity} alerts of each partition on, and keeps the latest {@code capacity}
 * for the status page. Runs on a daemon thread of its own until closed.
 */
public final class LatestAlerts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LatestAlerts.class);

    private final Consumer<String, Alert> consumer;
    private final int capacity;
    private final Deque<Alert> latest = new ArrayDeque<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;

    public LatestAlerts(String bootstrapServers, int capacity) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperfeed-status-page");
        this.consumer = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        this.capacity = capacity;
        this.thread = new Thread(this::run, "paperfeed-latest-alerts");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The latest alerts, newest first. */
    public synchronized List<Alert> newestFirst() {
        List<Alert> result = new ArrayList<>(latest);
        result.sort(Comparator.comparing(Alert::createdAt).reversed());
        return result;
    }

    private synchronized void add(Alert alert) {
        latest.addLast(alert);
        while (latest.size() > capacity) {
            latest.removeFirst();
        }
    }

    private void run() {
        try {
            while (!stopping.get()) {
                try {
                    if (consumer.assignment().isEmpty() && !assignLatest()) {
                        pause();
                        continue;
                    }
                    for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            add(record.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("unreadable alert at {}@{} skipped: {}", e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    log.warn("the status page's alert list: {}; trying again in 5 s", e.toString());
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                log.warn("latest alerts stopped by an unexpected wakeup", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Reads the last {@code capacity} alerts of every partition on; false while the topic is not there. */
    private boolean assignLatest() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - capacity));
        }
        return true;
    }

    private void pause() throws InterruptedException {
        closed.await(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        closed.countDown();
        consumer.wakeup();
        thread.join(5_000);
    }
}
