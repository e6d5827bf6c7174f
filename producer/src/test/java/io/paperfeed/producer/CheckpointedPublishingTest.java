package io.paperfeed.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.PublishReport.SourceStatus;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.FileSource;
import io.paperfeed.producer.source.FixtureServer;
import io.paperfeed.producer.source.HostRateLimiter;
import io.paperfeed.producer.source.HttpFetcher;
import io.paperfeed.producer.source.HttpSource;
import io.paperfeed.producer.source.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources and checkpoint together: a file and a URL served on 127.0.0.1, published, the producer
 * "restarted" (new publisher, same checkpoint file), and an item changed.
 */
class CheckpointedPublishingTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-30T06:00:00Z"), ZoneOffset.UTC);
    static final String SCOPE = "kafka-cluster:test";
    static final String LAST_MODIFIED = "Wed, 20 Aug 2025 04:00:00 GMT";

    @TempDir
    Path dir;
    FixtureServer server;
    HttpFetcher fetcher;
    Path checkpointFile;
    Path feedFile;
    final AtomicReference<byte[]> served = new AtomicReference<>();
    final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("src/test/resources/arxiv-daily-sample.jsonl"));
        served.set(sample);
        feedFile = dir.resolve("daily.jsonl");
        Files.write(feedFile, sample);
        checkpointFile = dir.resolve("state/checkpoint.json");
        server = FixtureServer.start();
        server.conditional("/feed", served::get, etag::get, LAST_MODIFIED);
        fetcher = new HttpFetcher(new HostRateLimiter(Duration.ofMillis(100)),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)), FeedReader.MAX_FILE_BYTES, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    List<FeedSource> sources() {
        return List.of(new FileSource(feedFile, CLOCK), new HttpSource(server.url("/feed"), fetcher));
    }

    /** One run of a freshly started producer: new publisher, the checkpoint loaded from its file. */
    PublishReport run(MockProducer<String, byte[]> producer) throws Exception {
        FeedPublisher publisher = new FeedPublisher(producer, new FeedReader(), new ProducerMetrics(registry), CLOCK);
        return publisher.publish(sources(), Checkpoint.load(checkpointFile, SCOPE));
    }

    static MockProducer<String, byte[]> producer() {
        return FeedPublisherTest.mockProducer();
    }

    static void change(AtomicReference<byte[]> content) {
        String text = new String(content.get(), StandardCharsets.UTF_8);
        content.set(text.replace("\"title\": \"Fragile Mastery", "\"title\": \"Fragile Mastery, revised")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRestartPublishesNothingAgainAndAChangedItemIsPublishedAgain() throws Exception {
        MockProducer<String, byte[]> first = producer();
        PublishReport one = run(first);
        int items = one.papers() + one.invalid();
        assertTrue(one.papers() > 10, "the sample holds papers: " + one.files());
        assertEquals(items, first.history().size());
        assertTrue(Files.exists(checkpointFile));

        MockProducer<String, byte[]> second = producer();
        PublishReport two = run(second);
        assertTrue(second.history().isEmpty(), "nothing published twice: " + two.files());
        assertEquals(items / 2, two.skipped(), "the file's items are skipped");
        assertEquals(List.of(new SourceStatus(feedFile.toString(), "empty", null),
                new SourceStatus(server.url("/feed"), "not-modified", null)), two.sources());
        assertEquals("\"v1\"", server.requests().get(1).header("If-None-Match"));
        assertEquals(LAST_MODIFIED, server.requests().get(1).header("If-Modified-Since"));

        change(served);
        etag.set("\"v2\"");
        AtomicReference<byte[]> fileContent = new AtomicReference<>(Files.readAllBytes(feedFile));
        change(fileContent);
        Files.write(feedFile, fileContent.get());

        MockProducer<String, byte[]> third = producer();
        PublishReport three = run(third);
        assertEquals(2, third.history().size(), "one changed item in each source: " + three.files());
        for (var record : third.history()) {
            assertEquals(Topics.PAPERS_RAW.name(), record.topic());
            PaperEvent paper = Json.MAPPER.readValue(record.value(), PaperEvent.class);
            assertTrue(paper.title().startsWith("Fragile Mastery, revised"), paper.title());
        }
        assertEquals(items - 2, three.skipped());
    }

    @Test
    void aFailedSendLeavesTheCheckpointAsItWas() throws Exception {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized void flush() {
                while (errorNext(new TimeoutException("broker gone"))) {
                    // fail every pending send
                }
            }
        };
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(failing));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
        assertFalse(Files.exists(checkpointFile), "no checkpoint for unacknowledged records");

        MockProducer<String, byte[]> retry = producer();
        PublishReport report = run(retry);
        assertEquals(report.papers() + report.invalid(), retry.history().size());
        assertTrue(retry.history().size() > 20, "everything is published on the next run");
        assertTrue(server.requests().get(1).header("If-None-Match") == null,
                "the validators were not kept either, so the URL is fetched in full");
    }

    @Test
    void aFailingSourceIsReportedAndTheOthersStillPublish() throws Exception {
        MockProducer<String, byte[]> producer = producer();
        FeedPublisher publisher = new FeedPublisher(producer, new FeedReader(), new ProducerMetrics(registry), CLOCK);
        String missing = server.url("/gone");
        PublishReport report = publisher.publish(List.of(new HttpSource(missing, fetcher),
                new FileSource(feedFile, CLOCK)), Checkpoint.inMemory());
        assertEquals(List.of(new SourceStatus(missing, "error", missing + ": HTTP 404")), report.failed());
        assertEquals("ERROR " + missing + ": HTTP 404", report.failed().get(0).summary());
        assertEquals(report.papers() + report.invalid(), producer.history().size());
        assertTrue(report.papers() > 10);
        assertEquals(1.0, registry.get("paperfeed.producer.fetches").tag("source", missing).tag("outcome", "error")
                .counter().count());
    }
}
