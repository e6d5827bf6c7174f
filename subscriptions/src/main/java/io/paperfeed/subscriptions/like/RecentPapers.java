package io.paperfeed.subscriptions.like;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.kafka.TopicReader;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The papers paperfeed classified lately, by canonical id and alias: what a like list or a rating names
 * is resolved here (to the paper, its title and its embedding). A {@link TopicReader} reads the last
 * {@code perPartition} records of each partition of {@code paperfeed.papers.classified} and follows it; the
 * map keeps the {@code capacity} papers seen last (a tombstone removes its id). Unreadable records are
 * counted and skipped. Thread-safe.
 */
public final class RecentPapers implements PaperLookup, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecentPapers.class);

    private final Map<String, CanonicalPaper> byId;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final TopicReader reader;
    private final LongAdder unreadable = new LongAdder();

    /** @param consumer a group-less reader of {@code topic}, owned by this ({@code MockConsumer} in tests) */
    public RecentPapers(Consumer<String, byte[]> consumer, String topic, int perPartition, int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CanonicalPaper> eldest) {
                return size() > capacity;
            }
        };
        this.reader = new TopicReader("paperfeed-recent-papers", consumer, List.of(topic),
                TopicReader.StartPosition.last(perPartition), this::apply);
    }

    /** The last 20,000 records of each partition, 50,000 papers at most (about 150 MB). */
    public static RecentPapers open(KafkaClients clients) {
        return new RecentPapers(clients.reader("paperfeed-recent-papers", new StringDeserializer(),
                new ByteArrayDeserializer()), Topics.PAPERS_CLASSIFIED.name(), 20_000, 50_000);
    }

    public RecentPapers start() {
        reader.start();
        return this;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            synchronized (this) {
                byId.remove(record.key());
            }
            return;
        }
        CanonicalPaper paper;
        try {
            paper = PaperSerdes.CANONICAL_PAPER.deserialize(record.topic(), record.value());
        } catch (SerializationException | IllegalArgumentException e) {
            unreadable.increment();
            log.warn("unreadable paper at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        synchronized (this) {
            byId.remove(paper.id()); // re-inserted: the latest version is the youngest
            byId.put(paper.id(), paper);
            for (String alias : paper.aliases()) {
                aliases.put(alias, paper.id());
            }
            if (aliases.size() > 2 * byId.size() + 1000) {
                aliases.values().removeIf(id -> !byId.containsKey(id));
            }
        }
    }

    @Override
    public synchronized Optional<CanonicalPaper> find(String canonicalId) {
        CanonicalPaper p = byId.get(canonicalId);
        if (p == null && aliases.containsKey(canonicalId)) {
            p = byId.get(aliases.get(canonicalId));
        }
        return Optional.ofNullable(p);
    }

    public synchronized int size() {
        return byId.size();
    }

    public long unreadable() {
        return unreadable.sum();
    }

    /** Waits until the papers on the topic as of now are read; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    /** Null while reading, else why not (for {@code /health}). */
    public String problem() {
        return reader.running() ? reader.problem() : "the recent-papers reader stopped (see the log)";
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }
}
