package io.paperfeed.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.FileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing files and folders with a MockProducer: every item once, unknown files as invalid items. */
class FeedPublisherTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-30T06:00:00Z"), ZoneOffset.UTC);
    static final Path REPO_SEEDS = Path.of("..", "seeds");

    /** A copy of the repository's four seed feeds (its seeds/ folder may hold other files too). */
    static Path seedFeeds(Path dir) throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        try (Stream<Path> files = Files.list(REPO_SEEDS)) {
            for (Path feed : files.filter(p -> p.getFileName().toString().matches("\\d{3}_[0-9a-f]+\\.txt")).toList()) {
                Files.copy(feed, seeds.resolve(feed.getFileName()));
            }
        }
        return seeds;
    }

    @TempDir
    Path temp;

    final MockProducer<String, byte[]> producer = mockProducer();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final FeedPublisher publisher = new FeedPublisher(producer, new FeedReader(), new ProducerMetrics(registry), CLOCK);

    static MockProducer<String, byte[]> mockProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    static List<ProducerRecord<String, byte[]>> sent(MockProducer<String, byte[]> producer, String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Test
    void theSeedsArePublishedAsBeforeOneRecordPerItem() throws Exception {
        Path seeds = seedFeeds(temp);
        PublishReport report = publisher.publish(List.of(seeds));
        assertEquals(4, report.files().size());
        assertEquals(114, report.papers() + report.invalid());
        assertEquals(report.papers(), sent(producer, Topics.PAPERS_RAW.name()).size());
        assertEquals(report.invalid(), sent(producer, Topics.PAPERS_INVALID.name()).size());
        assertEquals(114, report.itemKeys().size());
        assertTrue(producer.flushed());
        assertEquals(0, report.skipped());
        assertTrue(report.files().get(0).summary().startsWith(seeds.resolve("000_967216e45daf8c7a.txt") + ": "),
                report.files().get(0).summary());
    }

    @Test
    void publishingTwiceWithoutACheckpointPublishesEverythingTwice() throws Exception {
        Path seeds = seedFeeds(temp);
        publisher.publish(List.of(seeds));
        publisher.publish(List.of(seeds));
        assertEquals(228, producer.history().size());
    }

    @Test
    void aMissingInputFailsAsBefore(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> publisher.publish(List.of(dir.resolve("nope"))));
        assertTrue(producer.history().isEmpty());
    }

    @Test
    void aFileInNoFormatIsOneInvalidItemOnceThenSkipped(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "Dear colleagues,\n\nthe workshop moves to room 4.\n");
        Checkpoint checkpoint = Checkpoint.inMemory();
        List<FeedSource> sources = List.of(new FileSource(junk, CLOCK));

        PublishReport first = publisher.publish(sources, checkpoint);
        FileReport report = first.files().get(0);
        assertEquals(1, report.invalid());
        assertTrue(report.summary().startsWith(junk + ": ERROR " + junk + ": not a known feed format"), report.summary());
        List<ProducerRecord<String, byte[]>> invalid = sent(producer, Topics.PAPERS_INVALID.name());
        assertEquals(1, invalid.size());
        assertEquals(junk + "#1", invalid.get(0).key());
        assertEquals("unknown-format", Json.MAPPER.readValue(invalid.get(0).value(), InvalidItem.class).reason());

        PublishReport second = publisher.publish(sources, checkpoint);
        assertEquals(1, second.skipped());
        assertEquals(1, producer.history().size(), "reported once, not on every poll");
    }

    @Test
    void aFileOverTheLimitIsOneTooLargeInvalidItem(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.jsonl");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "{\"id\": \"2503.00001\", \"summary\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= FeedReader.MAX_FILE_BYTES; written += line.length) {
                out.write(line);
            }
        }
        PublishReport report = publisher.publish(List.of(big));
        assertEquals(1, report.invalid());
        InvalidItem item = Json.MAPPER.readValue(producer.history().get(0).value(), InvalidItem.class);
        assertEquals("too-large", item.reason());
        assertTrue(item.detail().contains(big.toString()), item.detail());
    }
}
