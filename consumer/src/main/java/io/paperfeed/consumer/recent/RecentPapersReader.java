package io.paperfeed.consumer.recent;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link RecentPapers} filled from {@code paperfeed.papers.classified} (key: paper id, value:
 * the classified CanonicalPaper, a tombstone for a retired id), read group-less and read committed
 * from the records of the window on: the process's one reader of that topic for the preview and for
 * like lists and ratings. An unreadable record is logged with its position, counted and skipped.
 */
public final class RecentPapersReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecentPapersReader.class);

    private final RecentPapers papers;
    private final TopicReader reader;
    private final AtomicLong unreadable = new AtomicLong();

    public RecentPapersReader(KafkaClients clients, RecentPapers papers, Clock clock) {
        this(clients, Topics.PAPERS_CLASSIFIED.name(), papers, clock);
    }

    RecentPapersReader(KafkaClients clients, String topic, RecentPapers papers, Clock clock) {
        this.papers = papers;
        Duration window = papers.window();
        this.reader = new TopicReader("paperfeed-recent-papers", clients.reader("paperfeed-recent-papers",
                new StringDeserializer(), new ByteArrayDeserializer()), List.of(topic),
                TopicReader.StartPosition.since(() -> clock.instant().minus(window)), this::handle);
    }

    public RecentPapersReader start() {
        reader.start();
        return this;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    /** Records that could not be read (for the metric). */
    public long unreadable() {
        return unreadable.get();
    }

    /** Null while reading, else why not. */
    public String problem() {
        if (reader.problem() != null) {
            return "recent papers: " + reader.problem();
        }
        return reader.running() ? null : "the recent-papers reader stopped (see the log)";
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                papers.remove(record.key());
            }
            return;
        }
        CanonicalPaper paper;
        try {
            paper = PaperSerdes.CANONICAL_PAPER.deserialize(record.topic(), record.value());
        } catch (SerializationException | IllegalArgumentException e) {
            unreadable.incrementAndGet();
            log.warn("recent papers: record {}-{}@{} cannot be read, skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        papers.put(paper, Instant.ofEpochMilli(record.timestamp()));
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }
}
