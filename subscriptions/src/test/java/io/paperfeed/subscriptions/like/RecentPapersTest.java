package io.paperfeed.subscriptions.like;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recent papers a like list or a rating resolves against, read with a MockConsumer. */
class RecentPapersTest {

    private static final String TOPIC = "classified";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final Map<TopicPartition, Long> ends = new HashMap<>(Map.of(P0, 0L));
    private RecentPapers papers;
    private long offset;

    @AfterEach
    void close() throws InterruptedException {
        papers.close();
    }

    private static CanonicalPaper paper(String id, List<String> aliases) {
        CanonicalPaper p = CanonicalPaper.firstSighting(id, new PaperEvent(null, null, null, "Title of " + id,
                "Abstract of " + id, List.of(), List.of(), null, null, null, List.of(),
                new Provenance("s", "f", 1, Instant.EPOCH)));
        return new CanonicalPaper(p.id(), p.arxivId(), p.version(), p.doi(), p.title(), p.abstractText(), p.authors(),
                p.categories(), p.predictedCategories(), p.comment(), p.published(), p.updated(), p.links(), p.topics(),
                p.sources(), aliases, CanonicalPaper.Change.UPDATED);
    }

    private void write(String key, byte[] value) {
        long at = offset++;
        ends.put(P0, offset);
        consumer.updateEndOffsets(ends);
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, at, key, value)));
    }

    private void start(int capacity) {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, new Node(0, "localhost", 9092), null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(ends);
        papers = new RecentPapers(consumer, TOPIC, 1000, capacity).start();
    }

    @Test
    void papersAreFoundByIdAndAliasTheLatestVersionWinsAndATombstoneRemoves() throws InterruptedException {
        write("arxiv:1", PaperSerdes.CANONICAL_PAPER.serialize(TOPIC, paper("arxiv:1", List.of("content:aa"))));
        write("arxiv:2", PaperSerdes.CANONICAL_PAPER.serialize(TOPIC, paper("arxiv:2", List.of())));
        write("arxiv:2", null);
        start(10);
        assertTrue(papers.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals("Title of arxiv:1", papers.find("arxiv:1").orElseThrow().title());
        assertEquals("arxiv:1", papers.find("content:aa").orElseThrow().id(), "found under its old id");
        assertTrue(papers.find("arxiv:2").isEmpty(), "a tombstone removes it");
    }

    @Test
    void anUnreadableRecordIsCountedAndSkippedAndTheOldestPapersMakeRoom() throws InterruptedException {
        write("arxiv:0", "not json".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 5; i++) {
            write("arxiv:" + i, PaperSerdes.CANONICAL_PAPER.serialize(TOPIC, paper("arxiv:" + i, List.of())));
        }
        start(3);
        assertTrue(papers.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals(1, papers.unreadable());
        assertEquals(3, papers.size());
        assertTrue(papers.find("arxiv:2").isEmpty(), "the oldest went first");
        assertTrue(papers.find("arxiv:5").isPresent());
    }
}
