package io.paperfeed.producer;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.ParseResult;
import io.paperfeed.producer.parse.UnknownFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses feed files and publishes every item: papers to {@code paperfeed.papers.raw}, items that
 * cannot be papers to {@code paperfeed.papers.invalid}. A file in no known format is reported as one
 * invalid item too, so nothing is dropped silently. Returns after every record is acknowledged.
 */
public final class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);
    static final String REASON_UNKNOWN_FORMAT = "unknown-format";
    static final String REASON_UNREADABLE_FILE = "unreadable-file";

    private final Producer<String, byte[]> producer;
    private final FeedReader reader;
    private final ProducerMetrics metrics;
    private final Clock clock;

    public FeedPublisher(Producer<String, byte[]> producer, FeedReader reader, ProducerMetrics metrics, Clock clock) {
        this.producer = producer;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes every file of the inputs (folders expanded) and flushes. */
    public PublishReport publish(List<Path> inputs) throws IOException {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        List<FileReport> reports = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Path file : FeedReader.expand(inputs)) {
            reports.add(publishFile(file, keys, sendFailure));
        }
        producer.flush();
        if (sendFailure.get() != null) {
            throw new KafkaException("could not publish every item: " + sendFailure.get().getMessage(), sendFailure.get());
        }
        return new PublishReport(reports, keys);
    }

    private FileReport publishFile(Path file, Set<String> keys, AtomicReference<Exception> failure) {
        Instant now = clock.instant();
        try {
            ParseResult result = reader.read(file, now);
            for (PaperEvent paper : result.papers()) {
                send(Topics.PAPERS_RAW, paper.itemKey(), paper, keys, failure);
                metrics.published(result.format());
            }
            for (InvalidItem item : result.invalid()) {
                send(Topics.PAPERS_INVALID, item.source().itemKey(), item, keys, failure);
                metrics.invalid(result.format(), item.reason());
            }
            return new FileReport(file.toString(), result.format(), result.papers().size(), result.invalid().size(), null);
        } catch (UnknownFormatException e) {
            return wholeFileInvalid(file, now, REASON_UNKNOWN_FORMAT, e.getMessage(), keys, failure);
        } catch (IOException e) {
            return wholeFileInvalid(file, now, REASON_UNREADABLE_FILE, e.getMessage(), keys, failure);
        }
    }

    private FileReport wholeFileInvalid(Path file, Instant now, String reason, String message, Set<String> keys,
                                        AtomicReference<Exception> failure) {
        log.warn("{}", message);
        InvalidItem item = new InvalidItem(reason, message, "producer",
                new Provenance(file.toString(), "unknown", 1, now), "", now);
        send(Topics.PAPERS_INVALID, item.source().itemKey(), item, keys, failure);
        metrics.invalid("unknown", reason);
        return new FileReport(file.toString(), "unknown", 0, 1, message);
    }

    private <V> void send(Topic<String, V> topic, String key, V value, Set<String> keys,
                          AtomicReference<Exception> failure) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
                log.error("failed to publish {} to {}", key, topic.name(), e);
            }
        });
        keys.add(key);
    }
}
