package io.paperfeed.app.ops;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.Alert;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tails {@code paperfeed.alerts} with a {@link TopicReader} (read committed, no consumer group, so it
 * moves no one's offsets) from the last {@code capacity} alerts of each partition on, and keeps the
 * latest {@code capacity} public ones for the status page, which anyone may open. An unreadable record is
 * skipped (and logged by the reader).
 */
public final class LatestAlerts implements AutoCloseable {

    private final int capacity;
    private final Set<String> publicSubscriptions;
    private final Deque<Alert> latest = new ArrayDeque<>();
    private final TopicReader reader;

    /**
     * @param publicSubscriptions the subscriptions whose alerts anyone may see (the built-in one); the
     *                            alerts of every other subscription need its token, so the page never
     *                            lists them
     */
    public LatestAlerts(KafkaClients clients, int capacity, Set<String> publicSubscriptions) {
        this.capacity = capacity;
        this.publicSubscriptions = Set.copyOf(publicSubscriptions);
        this.reader = new TopicReader("paperfeed-latest-alerts", clients.reader("paperfeed-status-page",
                new StringDeserializer(), new ByteArrayDeserializer()), List.of(Topics.ALERTS.name()),
                TopicReader.StartPosition.last(capacity), this::add).start();
    }

    /** The latest alerts, newest first. */
    public synchronized List<Alert> newestFirst() {
        List<Alert> result = new ArrayList<>(latest);
        result.sort(Comparator.comparing(Alert::createdAt).reversed());
        return result;
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || !publicSubscriptions.contains(record.key())) {
            return;
        }
        Alert alert = PaperSerdes.ALERT.deserialize(record.topic(), record.value());
        synchronized (this) {
            latest.addLast(alert);
            while (latest.size() > capacity) {
                latest.removeFirst();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }
}
