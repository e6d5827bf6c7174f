package io.paperfeed.producer.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.producer.source.FixtureServer.Reply;
import io.paperfeed.producer.source.FixtureServer.Request;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional GET, retries, Retry-After, the per-host gap and the body limit, against a local server. */
class HttpFetcherTest {

    static final Duration GAP = Duration.ofMillis(200);
    static final String LAST_MODIFIED = "Wed, 20 Aug 2025 04:00:00 GMT";

    FixtureServer server;
    HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        fetcher = fetcher(1_000_000, GAP);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static HttpFetcher fetcher(long maxBytes, Duration gap) {
        return new HttpFetcher(new HostRateLimiter(gap), new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)),
                maxBytes, Clock.systemUTC());
    }

    static byte[] sample() throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/arxiv-daily-sample.jsonl"));
    }

    Fetch get(String path, Validators known) throws InterruptedException {
        return fetcher.fetch(server.url(path), URI.create(server.url(path)), known);
    }

    @Test
    void theSecondFetchIsConditionalAndA304IsNotModified() throws Exception {
        byte[] body = sample();
        server.conditional("/feed", () -> body, () -> "\"v1\"", LAST_MODIFIED);

        Fetch first = get("/feed", Validators.NONE);
        assertEquals(Fetch.Status.OK, first.status());
        assertArrayEquals(body, first.documents().get(0).content());
        assertEquals(new Validators("\"v1\"", LAST_MODIFIED), first.validators());

        Fetch second = get("/feed", first.validators());
        assertEquals(Fetch.Status.NOT_MODIFIED, second.status());
        assertTrue(second.documents().isEmpty());
        assertEquals(first.validators(), second.validators());

        List<Request> requests = server.requests();
        assertNull(requests.get(0).header("If-None-Match"));
        assertNull(requests.get(0).header("If-Modified-Since"));
        assertEquals("\"v1\"", requests.get(1).header("If-None-Match"));
        assertEquals(LAST_MODIFIED, requests.get(1).header("If-Modified-Since"));
        assertEquals("gzip", requests.get(1).header("Accept-Encoding"));
        assertTrue(requests.get(1).header("User-Agent").startsWith("paperfeed/"), requests.get(1).header("User-Agent"));
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterThatLong() throws Exception {
        server.script("/feed", Reply.status(503, "Retry-After", "1"), Reply.ok(sample()));
        Fetch fetch = get("/feed", Validators.NONE);
        assertEquals(Fetch.Status.OK, fetch.status());
        assertEquals(2, fetch.attempts());
        List<Request> requests = server.requests();
        assertEquals(2, requests.size());
        long apart = requests.get(1).nanos() - requests.get(0).nanos();
        assertTrue(apart >= Duration.ofSeconds(1).toNanos(), "retried after " + apart / 1_000_000 + " ms");
    }

    @Test
    void a429IsRetriedWithBackoffAndAnHttpDateRetryAfterIsHonoured() throws Exception {
        byte[] body = sample();
        AtomicInteger calls = new AtomicInteger();
        server.route("/feed", request -> switch (calls.incrementAndGet()) {
            case 1 -> Reply.status(429);
            case 2 -> Reply.status(429, "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0))); // 1 to 2 s from now
            default -> Reply.ok(body);
        });
        Fetch fetch = get("/feed", Validators.NONE);
        assertEquals(Fetch.Status.OK, fetch.status());
        assertEquals(3, fetch.attempts());
        List<Request> r = server.requests();
        long waited = r.get(2).nanos() - r.get(1).nanos();
        assertTrue(waited >= Duration.ofMillis(990).toNanos(), "waited " + waited / 1_000_000 + " ms");
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitEndsTheRetries() throws Exception {
        server.script("/feed", Reply.status(429, "Retry-After", "3600"));
        Fetch fetch = get("/feed", Validators.NONE);
        assertEquals(Fetch.Status.FAILED, fetch.status());
        assertEquals(1, server.requests().size());
        assertTrue(fetch.error().contains("HTTP 429") && fetch.error().contains("3600 s"), fetch.error());
    }

    @Test
    void retriesAreBoundedAndEndInOneClearError() throws Exception {
        server.script("/feed", Reply.status(503));
        Fetch fetch = get("/feed", Validators.NONE);
        assertEquals(Fetch.Status.FAILED, fetch.status());
        assertEquals(3, fetch.attempts());
        assertEquals(3, server.requests().size());
        assertEquals(server.url("/feed") + ": HTTP 503, after 3 attempt(s)", fetch.error());
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        Fetch fetch = get("/missing", Validators.NONE);
        assertEquals(Fetch.Status.FAILED, fetch.status());
        assertEquals(1, server.requests().size());
        assertTrue(fetch.error().endsWith("HTTP 404"), fetch.error());
    }

    @Test
    void connectionErrorsAreRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/feed";
        Fetch fetch = fetcher.fetch(url, URI.create(url), Validators.NONE);
        assertEquals(Fetch.Status.FAILED, fetch.status());
        assertEquals(3, fetch.attempts());
        assertTrue(fetch.error().startsWith(url + ": ConnectException"), fetch.error());
    }

    @Test
    void requestsToOneHostAreAtLeastTheGapApart() throws Exception {
        server.script("/a", Reply.ok(sample()));
        server.script("/b", Reply.status(503), Reply.ok(sample()));
        get("/a", Validators.NONE);
        get("/b", Validators.NONE);
        get("/a", Validators.NONE);
        List<Request> r = server.requests();
        assertEquals(4, r.size());
        for (int i = 1; i < r.size(); i++) {
            long apart = r.get(i).nanos() - r.get(i - 1).nanos();
            assertTrue(apart >= GAP.toNanos(), "requests " + (i - 1) + " and " + i + " were " + apart / 1_000 + " µs apart");
        }
    }

    @Test
    void aBodyOverTheLimitIsCutOffAsAProblem() throws Exception {
        HttpFetcher small = fetcher(1_000, GAP);
        byte[] big = "x".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        server.script("/declared", Reply.ok(big, "ETag", "\"big\""));
        server.script("/chunked", Reply.ok(big).withoutLength());
        for (String path : List.of("/declared", "/chunked")) {
            Fetch fetch = small.fetch(server.url(path), URI.create(server.url(path)), Validators.NONE);
            assertEquals(Fetch.Status.OK, fetch.status(), path);
            assertTrue(fetch.documents().isEmpty(), path);
            FetchProblem problem = fetch.problems().get(0);
            assertEquals(FetchProblem.TOO_LARGE, problem.reason());
            assertTrue(problem.detail().contains("limit of 1000 bytes"), problem.detail());
        }
    }

    @Test
    void aFetchWaitingForAnAnswerStopsWhenInterrupted() throws Exception {
        server.script("/slow", Reply.ok(sample()).delayed(30_000));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                get("/slow", Validators.NONE);
                ended.set(new AssertionError("returned"));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        thread.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> server.requests().size() == 1);
        thread.interrupt();
        // well under the 30 s the answer takes: ended by the interrupt, not by the answer
        await().atMost(Duration.ofSeconds(20)).until(() -> ended.get() != null);
        assertTrue(ended.get() instanceof InterruptedException, String.valueOf(ended.get()));
    }
}
