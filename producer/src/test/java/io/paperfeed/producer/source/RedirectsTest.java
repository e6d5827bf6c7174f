package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.producer.source.FixtureServer.Reply;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every redirect hop is checked: the configured host may redirect to itself, never to an internal address elsewhere. */
class RedirectsTest {

    private static final byte[] FEED = "{\"arxivId\":\"2501.00001\"}\n".getBytes(StandardCharsets.UTF_8);

    private FixtureServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        fetcher = new HttpFetcher(new HostRateLimiter(Duration.ZERO), new RetryPolicy(2, Duration.ofMillis(10),
                Duration.ofSeconds(1)), 1_000_000, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Fetch get(String path) throws InterruptedException {
        return fetcher.fetch(server.url(path), URI.create(server.url(path)), Validators.NONE);
    }

    @Test
    void aRedirectOnTheConfiguredHostIsFollowed() throws Exception {
        server.route("/old", r -> Reply.status(301, "Location", "/middle"));
        server.route("/middle", r -> Reply.status(307, "Location", server.url("/feed")));
        server.route("/feed", r -> Reply.ok(FEED));
        Fetch fetch = get("/old");
        assertEquals(Fetch.Status.OK, fetch.status(), fetch.error());
        assertArrayEquals(FEED, fetch.documents().get(0).content());
    }

    @Test
    void aRedirectToAnInternalAddressOfAnotherHostIsRefusedBeforeAnyRequestGoesThere() throws Exception {
        String loopbackByName = server.url("/feed").replace("127.0.0.1", "localhost");
        server.route("/to-localhost", r -> Reply.status(302, "Location", loopbackByName));
        server.route("/to-metadata", r -> Reply.status(302, "Location", "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-nat64", r -> Reply.status(308, "Location", "http://[64:ff9b::a9fe:a9fe]/latest/"));
        server.route("/feed", r -> Reply.ok(FEED));

        Fetch local = get("/to-localhost");
        assertEquals(Fetch.Status.FAILED, local.status());
        assertTrue(local.error().contains("refused a redirect to http://localhost:") && local.error().contains("loopback"),
                local.error());
        assertTrue(get("/to-metadata").error().contains("169.254.169.254, a link-local"), "metadata");
        assertTrue(get("/to-nat64").error().contains("NAT64 of 169.254.169.254"), "NAT64");
        assertFalse(server.requests().stream().anyMatch(r -> r.path().equals("/feed")), "nothing fetched there");
        assertEquals(1, server.requests().stream().filter(r -> r.path().equals("/to-metadata")).count(),
                "a refused redirect is not retried");
    }

    @Test
    void theRulesHopByHop() throws Exception {
        Map<String, String> dns = Map.of("cdn.example", "93.184.216.34", "evil.example", "10.1.2.3",
                "mixed.example", "93.184.216.35");
        RedirectPolicy policy = new RedirectPolicy(host -> {
            if (host.equals("mixed.example")) {
                return new InetAddress[] {InetAddress.getByName("93.184.216.35"), InetAddress.getByName("192.168.0.9")};
            }
            return new InetAddress[] {InetAddress.getByName(dns.get(host))};
        });
        URI configured = URI.create("https://feeds.internal.corp/list?key=abc");
        assertEquals(URI.create("https://cdn.example/list"),
                policy.next(configured, configured, Optional.of("https://cdn.example/list"), 0), "a public host");
        assertEquals(URI.create("https://feeds.internal.corp/v2"),
                policy.next(configured, configured, Optional.of("/v2"), 0), "the configured host, internal or not");
        assertTrue(refused(policy, configured, "https://evil.example/").contains("10.1.2.3, a private (10/8) address"));
        assertTrue(refused(policy, configured, "https://mixed.example/").contains("192.168.0.9"), "any internal address");
        assertTrue(refused(policy, configured, "http://cdn.example/").contains("from https down to"));
        assertTrue(refused(policy, configured, "file:///etc/passwd").contains("not an http(s) URL"));
        assertTrue(refused(policy, configured, "https://evil.example/?token=s3cr3t").matches(".*\\?q-[0-9a-f]{8}.*"),
                "the refused URL's query is not shown");
        assertThrows(RedirectPolicy.RefusedRedirectException.class,
                () -> policy.next(configured, configured, Optional.of("/v2"), RedirectPolicy.MAX_REDIRECTS));
        assertThrows(RedirectPolicy.RefusedRedirectException.class,
                () -> policy.next(configured, configured, Optional.empty(), 0));
    }

    private static String refused(RedirectPolicy policy, URI configured, String location) {
        return assertThrows(RedirectPolicy.RefusedRedirectException.class,
                () -> policy.next(configured, configured, Optional.of(location), 0)).getMessage();
    }
}
