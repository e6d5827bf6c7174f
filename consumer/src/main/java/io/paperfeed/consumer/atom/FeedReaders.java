package io.paperfeed.consumer.atom;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Digest;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link FeedStore} filled from Kafka with two {@link TopicReader}s (group-less, read
 * committed): every taxonomy topic's stream {@code paperfeed.topic.<id>} from its last
 * {@code perFeed} records on (the topic feeds), and {@code paperfeed.alerts} with
 * {@code paperfeed.digests} from {@code history} ago on (the subscription feeds; a digest's alerts
 * join its subscription's feed when the digest is sent). An unreadable record is logged with its
 * position, counted, and skipped.
 */
final class FeedReaders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedReaders.class);
    private static final String TOPIC_STREAM_PREFIX = Topics.topicStream("x").name().replaceFirst("x$", "");

    private final FeedStore store;
    private final FeedMetrics metrics;
    private final TopicReader topicStreams;
    private final TopicReader alerts;

    FeedReaders(KafkaClients clients, Taxonomy taxonomy, FeedSettings settings, FeedStore store, FeedMetrics metrics,
                Clock clock) {
        this.store = store;
        this.metrics = metrics;
        List<String> streams = taxonomy.topics().stream().map(TopicDefinition::kafkaTopic).toList();
        this.topicStreams = new TopicReader("paperfeed-feeds-topics", clients.reader("paperfeed-feeds-topics",
                new StringDeserializer(), new ByteArrayDeserializer()), streams,
                TopicReader.StartPosition.last(settings.perFeed()), this::topicPaper);
        Duration history = settings.history();
        this.alerts = new TopicReader("paperfeed-feeds-alerts", clients.reader("paperfeed-feeds-alerts",
                new StringDeserializer(), new ByteArrayDeserializer()),
                List.of(Topics.ALERTS.name(), Topics.DIGESTS.name()),
                TopicReader.StartPosition.since(() -> clock.instant().minus(history)), this::alertOrDigest);
    }

    FeedReaders start() {
        topicStreams.start();
        alerts.start();
        return this;
    }

    /** Waits until both readers have read what their topics held when called. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return topicStreams.awaitCaughtUp(timeout) && alerts.awaitCaughtUp(timeout);
    }

    /** Null while reading, else why not. */
    String problem() {
        String problem = topicStreams.problem() != null ? topicStreams.problem() : alerts.problem();
        if (problem == null && (!topicStreams.running() || !alerts.running())) {
            return "a feed reader stopped (see the log)";
        }
        return problem == null ? null : "feeds: " + problem;
    }

    private void topicPaper(ConsumerRecord<String, byte[]> record) {
        CanonicalPaper paper = read(record, () -> PaperSerdes.CANONICAL_PAPER.deserialize(record.topic(), record.value()));
        if (paper == null || !record.topic().startsWith(TOPIC_STREAM_PREFIX)) {
            return;
        }
        String topicId = record.topic().substring(TOPIC_STREAM_PREFIX.length());
        List<String> topics = new ArrayList<>(List.of(topicId));
        List<String> terms = List.of();
        for (TopicMatch match : paper.topics()) {
            if (match.id().equals(topicId)) {
                terms = match.terms();
            } else {
                topics.add(match.id());
            }
        }
        store.put(FeedKeys.topic(topicId), new FeedEntry(paper, topics, terms, Instant.ofEpochMilli(record.timestamp())));
    }

    private void alertOrDigest(ConsumerRecord<String, byte[]> record) {
        Instant seen = Instant.ofEpochMilli(record.timestamp());
        if (record.topic().equals(Topics.DIGESTS.name())) {
            Digest digest = read(record, () -> PaperSerdes.DIGEST.deserialize(record.topic(), record.value()));
            if (digest != null) {
                digest.alerts().forEach(a -> add(a, seen));
            }
        } else {
            Alert alert = read(record, () -> PaperSerdes.ALERT.deserialize(record.topic(), record.value()));
            if (alert != null) {
                add(alert, seen);
            }
        }
    }

    private void add(Alert alert, Instant seen) {
        store.put(FeedKeys.subscription(alert.subscriptionId()),
                new FeedEntry(alert.paper(), alert.topics(), alert.terms(), seen, alert.similarTo()));
    }

    private <T> T read(ConsumerRecord<String, byte[]> record, java.util.function.Supplier<T> deserialize) {
        if (record.value() == null) {
            return null; // a tombstone: the paper's record under its new id replaces the entry
        }
        try {
            return deserialize.get();
        } catch (SerializationException | IllegalArgumentException e) {
            log.warn("feeds: record {}-{}@{} cannot be read, skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            metrics.unreadable(record.topic().startsWith(TOPIC_STREAM_PREFIX) ? "topic-stream" : record.topic());
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        topicStreams.close();
        alerts.close();
    }
}
