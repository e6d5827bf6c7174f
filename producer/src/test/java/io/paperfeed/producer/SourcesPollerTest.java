package io.paperfeed.producer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.PublishReport.SourceStatus;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FixtureServer;
import io.paperfeed.producer.source.FixtureServer.Reply;
import io.paperfeed.producer.source.HttpFetcher;
import io.paperfeed.producer.source.PagedSource;
import io.paperfeed.producer.source.RetryPolicy;
import io.paperfeed.producer.source.SettableClock;
import io.paperfeed.producer.source.SourcesFile;
import io.paperfeed.producer.source.SourcesPoller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sources file polled end to end against 127.0.0.1 serving the real responses: each source at
 * its own interval, its pages published and checkpointed, its window moved on, its metrics.
 */
class SourcesPollerTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "sources");
    static final Instant NOW = Instant.parse("2025-08-30T06:00:00Z");

    @TempDir
    Path dir;
    FixtureServer server;
    final SettableClock clock = new SettableClock(NOW);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProducerMetrics metrics = new ProducerMetrics(registry);
    final List<PublishReport> reports = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        serve("/details/biorxiv/2025-08-28/2025-08-30/0", "biorxiv-details-2020-2022-page1.json");
        serve("/details/biorxiv/2025-08-28/2025-08-30/100", "biorxiv-details-doi-2020.06.11.145425.json");
        serve("/details/biorxiv/2025-08-30/2025-08-30/0", "biorxiv-details-2020-2022-page1.json");
        serve("/details/biorxiv/2025-08-30/2025-08-30/100", "biorxiv-details-doi-2020.06.11.145425.json");
        serve("/details/biorxiv/2025-08-30/2025-08-31/0", "biorxiv-details-2020-2022-page1.json");
        serve("/details/biorxiv/2025-08-30/2025-08-31/100", "biorxiv-details-doi-2020.06.11.145425.json");
        server.conditional("/journal.rss", () -> bytes("rss2-wiley-adsc.xml"), () -> "\"w1\"",
                "Sun, 04 Aug 2024 07:52:45 GMT");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(String fixture) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(fixture));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void serve(String path, String fixture) {
        server.script(path, Reply.ok(bytes(fixture)));
    }

    SourcesFile file() throws Exception {
        Path file = dir.resolve("sources.yml");
        Files.writeString(file, String.join("\n",
                "default-gap: 0s",
                "hosts:",
                "  127.0.0.1: 0s",
                "sources:",
                "  - name: biorxiv",
                "    url: " + server.url("/details/biorxiv/{from}/{until}/{cursor}"),
                "    interval: 1h",
                "    lookback: 2d",
                "  - name: wiley",
                "    url: " + server.url("/journal.rss"),
                "    interval: 1d",
                ""));
        return SourcesFile.read(file);
    }

    SourcesPoller poller(MockProducer<String, byte[]> producer, Checkpoint checkpoint) throws Exception {
        SourcesFile file = file();
        HttpFetcher fetcher = new HttpFetcher(file.rateLimiter(), new RetryPolicy(2, Duration.ofMillis(10),
                Duration.ofMillis(100)), FeedReader.MAX_FILE_BYTES, clock);
        List<PagedSource> sources = SourcesPoller.sources(file, fetcher, new FeedReader(), metrics, clock);
        FeedPublisher publisher = new FeedPublisher(producer, new FeedReader(), metrics, clock);
        return new SourcesPoller(sources, publisher, checkpoint, clock, reports::add);
    }

    List<String> paths() {
        return server.requests().stream().map(FixtureServer.Request::path).toList();
    }

    double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void eachSourceIsPolledAtItsOwnIntervalAndItsWindowMovesOn() throws Exception {
        MockProducer<String, byte[]> producer = FeedPublisherTest.mockProducer();
        Checkpoint checkpoint = Checkpoint.load(dir.resolve("checkpoint.json"), "kafka-cluster:test");
        SourcesPoller poller = poller(producer, checkpoint);

        List<PublishReport> first = poller.pollDue();
        assertEquals(2, first.size(), "both sources are due at start");
        assertEquals(List.of("/details/biorxiv/2025-08-28/2025-08-30/0", "/details/biorxiv/2025-08-28/2025-08-30/100",
                "/journal.rss"), paths());
        assertEquals(6, first.get(0).papers(), "5 versions on the first page, 1 on the second");
        assertEquals(4, first.get(1).papers());
        assertEquals(10, FeedPublisherTest.sent(producer, Topics.PAPERS_RAW.name()).size());
        assertEquals(Map.of("from", "2025-08-30", "url", server.url("/details/biorxiv/2025-08-28/2025-08-30/0")),
                checkpoint.cursor("biorxiv"));
        assertEquals(Duration.ofHours(1), poller.untilNextDue());

        clock.advance(Duration.ofHours(1));
        List<PublishReport> second = poller.pollDue();
        assertEquals(1, second.size(), "only biorxiv is due after an hour");
        assertEquals("/details/biorxiv/2025-08-30/2025-08-30/0", paths().get(3), "the window goes on from today");
        assertEquals(0, second.get(0).papers() + second.get(0).invalid(),
                "the same versions in another window and page are not new: digested under the source's name");
        assertEquals(6, second.get(0).skipped());
        assertEquals(List.of(new SourceStatus("biorxiv", "empty", null)), second.get(0).sources());

        clock.advance(Duration.ofHours(23));
        List<PublishReport> third = poller.pollDue();
        assertEquals(2, third.size(), "a day on, both");
        assertEquals("\"w1\"", server.requests().get(server.requests().size() - 1).header("If-None-Match"),
                "the journal feed is fetched conditionally");
        assertEquals(List.of(new SourceStatus("wiley", "not-modified", null)), third.get(1).sources());
        assertTrue(paths().contains("/details/biorxiv/2025-08-30/2025-08-31/0"), "today is the 31st: " + paths());

        assertEquals(6.0, count("paperfeed.producer.pages", "source", "biorxiv"), "two pages in each of three polls");
        assertEquals(1.0, count("paperfeed.producer.pages", "source", "wiley"), "one page, then a 304: none");
        assertEquals(3600.0, registry.get("paperfeed.producer.poll.interval").tag("source", "biorxiv").gauge().value());
        assertEquals(86400.0, registry.get("paperfeed.producer.poll.interval").tag("source", "wiley").gauge().value());
        assertEquals(clock.instant().getEpochSecond(),
                registry.get("paperfeed.producer.last.fetch").tag("source", "biorxiv").gauge().value());
        assertEquals(1.0, count("paperfeed.producer.empty.fetches", "source", "wiley"));
    }

    @Test
    void anIncompletePollIsCountedAndItsWindowIsReadAgain() throws Exception {
        server.script("/details/biorxiv/2025-08-28/2025-08-30/100", Reply.status(503));
        Checkpoint checkpoint = Checkpoint.inMemory();
        SourcesPoller poller = poller(FeedPublisherTest.mockProducer(), checkpoint);

        poller.pollDue();
        assertEquals(Map.of("from", "2025-08-28"), checkpoint.cursor("biorxiv"));
        assertEquals(1.0, count("paperfeed.producer.incomplete.fetches", "source", "biorxiv", "reason", "page-failed"));
        assertEquals(1.0, count("paperfeed.producer.fetches", "source", "biorxiv", "outcome", "ok"),
                "the first page's items were published");

        clock.advance(Duration.ofHours(1));
        int before = server.requests().size();
        poller.pollDue();
        assertEquals("/details/biorxiv/2025-08-28/2025-08-30/0", paths().get(before),
                "the same window again, from its first page");
    }

    @Test
    void aSourceWhosePublishFailsWaitsItsIntervalAndTheOthersGoOn() throws Exception {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized void flush() {
                while (errorNext(new TimeoutException("broker gone"))) {
                    // fail every pending send
                }
            }
        };
        Checkpoint checkpoint = Checkpoint.inMemory();
        SourcesPoller poller = poller(failing, checkpoint);

        List<PublishReport> done = poller.pollDue();
        assertEquals(List.of(), done, "neither source's items were acknowledged");
        assertTrue(paths().contains("/journal.rss"), "the second source was polled after the first failed");
        assertEquals(Map.of(), checkpoint.cursor("biorxiv"), "nothing committed");
        assertEquals(Duration.ofHours(1), poller.untilNextDue(), "not retried at once");
    }

    @Test
    void runPollsUntilClosed() throws Exception {
        MockProducer<String, byte[]> producer = FeedPublisherTest.mockProducer();
        SourcesPoller poller = poller(producer, Checkpoint.inMemory());
        Thread runner = new Thread(poller::run, "poller");
        runner.start();
        await().until(() -> reports.size() == 2);
        poller.close();
        runner.join(10_000);
        assertTrue(!runner.isAlive(), "closing ends the loop while it waits for the next source");
        assertEquals(3, server.requests().size(), "two pages and the journal feed, then the wait");
    }

    @Test
    void pollAllOncePollsEverySourceWhetherDueOrNot() throws Exception {
        SourcesPoller poller = poller(FeedPublisherTest.mockProducer(), Checkpoint.inMemory());
        poller.pollDue();
        assertEquals(2, poller.pollAllOnce().size());
    }
}
