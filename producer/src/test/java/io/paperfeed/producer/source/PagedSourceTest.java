package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.FixtureServer.Reply;
import io.paperfeed.producer.source.FixtureServer.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A paged source against 127.0.0.1 serving the real responses page by page: bioRxiv's offsets,
 * Crossref's cursor, OAI-PMH's resumption token on a URL of its own, and every way a poll stops early.
 */
class PagedSourceTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "sources");
    static final Instant NOW = Instant.parse("2025-08-30T06:00:00Z");
    static final String WINDOW = "/details/biorxiv/2025-08-28/2025-08-30/";

    FixtureServer server;
    HttpFetcher fetcher;
    final SettableClock clock = new SettableClock(NOW);

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        fetcher = new HttpFetcher(new HostRateLimiter(Duration.ZERO), new RetryPolicy(2, Duration.ofMillis(10),
                Duration.ofMillis(100)), FeedReader.MAX_FILE_BYTES, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    PagedSource source(String name, String url, String nextUrl, String firstCursor, int maxPages) {
        SourceSpec spec = new SourceSpec(name, new UrlTemplate(server.url(url)),
                nextUrl == null ? null : new UrlTemplate(server.url(nextUrl)), firstCursor, Duration.ofHours(1), 2,
                maxPages);
        return new PagedSource(spec, fetcher, PagedSource.pagingBy(new FeedReader()), clock);
    }

    PagedSource biorxiv(int maxPages) {
        return source("biorxiv", "/details/biorxiv/{from}/{until}/{cursor}", null, "0", maxPages);
    }

    List<String> paths() {
        return server.requests().stream().map(r -> r.path() + (r.query() == null ? "" : "?" + r.query())).toList();
    }

    @Test
    void offsetPagingAsksForCursorPlusCountUntilAPageNamesNoNext() throws Exception {
        server.script(WINDOW + "0", Reply.ok(fixture("biorxiv-details-2020-2022-page1.json"), "ETag", "\"p1\""));
        server.script(WINDOW + "100", Reply.ok(fixture("biorxiv-details-doi-2020.06.11.145425.json")));

        Fetch fetch = biorxiv(5).fetch(Validators.NONE, Map.of());

        assertEquals(Fetch.Status.OK, fetch.status());
        assertEquals("biorxiv", fetch.source());
        assertEquals(List.of(WINDOW + "0", WINDOW + "100"), paths(), "the window is lookback (2) days back to today");
        assertEquals(List.of(server.url(WINDOW + "0"), server.url(WINDOW + "100")),
                fetch.documents().stream().map(FeedDocument::name).toList(), "each page is named by its URL");
        assertTrue(fetch.documents().stream().allMatch(d -> d.identity().equals("biorxiv")),
                "and digested under the source's name");
        assertNull(fetch.incomplete());
        assertEquals(Map.of("from", "2025-08-30", "url", server.url(WINDOW + "0")), fetch.cursor(),
                "the next window starts today; the validators belong to the first page's URL");
        assertEquals(new Validators("\"p1\"", null), fetch.validators());
        assertEquals(2, fetch.attempts());
    }

    @Test
    void cursorPagingSendsTheNextCursorUrlEncoded() throws Exception {
        byte[] cursorPage = fixture("crossref-works-funder-cursor.json");
        String token = new FeedReader().read("p", cursorPage, NOW).paging().nextCursor();
        server.route("/works", r -> {
            try {
                return r.query().equals("rows=3&cursor=*") ? Reply.ok(cursorPage)
                        : r.query().equals("rows=3&cursor=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                        ? Reply.ok(fixture("crossref-work-fgene.2017.00147.json")) : Reply.status(404);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Fetch fetch = source("crossref", "/works?rows=3&cursor={cursor}", null, "*", 5).fetch(Validators.NONE, Map.of());

        assertEquals(2, fetch.documents().size(), paths().toString());
        assertTrue(token.contains("=") || token.contains("+") || token.contains("/"), "a token that needs encoding");
        assertNull(fetch.incomplete());
    }

    @Test
    void laterPagesMayBeAskedForOnAUrlOfTheirOwn() throws Exception {
        server.route("/oai", r -> {
            try {
                return r.query().equals("verb=ListRecords&resumptionToken=6960524%7C1001")
                        ? Reply.ok(fixture("oai-pmh-arxiv-physics-hep-th.xml")) : Reply.ok(fixture("oai-pmh-oai_dc-cs.xml"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Fetch fetch = source("arxiv-oai", "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=cs&from={from}&until={until}",
                "/oai?verb=ListRecords&resumptionToken={cursor}", "0", 5).fetch(Validators.NONE, Map.of());

        assertEquals(List.of("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=cs&from=2025-08-28&until=2025-08-30",
                "/oai?verb=ListRecords&resumptionToken=6960524%7C1001"), paths());
        assertEquals(2, fetch.documents().size());
        assertNull(fetch.incomplete(), "the second page has no resumption token: the list is complete");
    }

    @Test
    void thePageLimitEndsAPollIncompleteAndKeepsItsWindow() throws Exception {
        server.script(WINDOW + "0", Reply.ok(fixture("biorxiv-details-2020-2022-page1.json"), "ETag", "\"p1\""));

        Fetch fetch = biorxiv(1).fetch(Validators.NONE, Map.of());

        assertEquals(List.of(WINDOW + "0"), paths());
        assertEquals("page-limit: stopped after 1 pages, more follow (152918 results in all)", fetch.incomplete());
        assertEquals(Map.of("from", "2025-08-28"), fetch.cursor(), "the next poll reads this window again");
        assertEquals(Validators.NONE, fetch.validators(), "and from its first page, unconditionally");
    }

    @Test
    void aFailedPageEndsThePollIncompleteWithThePagesBeforeIt() throws Exception {
        server.script(WINDOW + "0", Reply.ok(fixture("biorxiv-details-2020-2022-page1.json")));
        server.script(WINDOW + "100", Reply.status(503));

        Fetch fetch = biorxiv(5).fetch(Validators.NONE, Map.of());

        assertEquals(Fetch.Status.OK, fetch.status());
        assertEquals(1, fetch.documents().size());
        assertTrue(fetch.incomplete().startsWith("page-failed: page 2: " + server.url(WINDOW + "100") + ": HTTP 503"),
                fetch.incomplete());
        assertEquals(3, fetch.attempts(), "the first page once, the second twice");
        assertEquals(Map.of("from", "2025-08-28"), fetch.cursor());
    }

    @Test
    void aPageNamingAnEarlierPageAsNextEndsThePoll() throws Exception {
        // medRxiv's real page says cursor 0, count 100: served again at 100 it names 100 once more
        server.script(WINDOW.replace("biorxiv", "medrxiv") + "0", Reply.ok(fixture("medrxiv-details-2020-2022-page1.json")));
        server.script(WINDOW.replace("biorxiv", "medrxiv") + "100", Reply.ok(fixture("medrxiv-details-2020-2022-page1.json")));

        Fetch fetch = source("medrxiv", "/details/medrxiv/{from}/{until}/{cursor}", null, "0", 10)
                .fetch(Validators.NONE, Map.of());

        assertEquals(2, fetch.documents().size());
        assertTrue(fetch.incomplete().startsWith("page-loop: page 2 names an earlier page as next: "), fetch.incomplete());
    }

    @Test
    void aNextPageTheUrlCannotAskForEndsThePoll() throws Exception {
        server.script("/details/biorxiv/fixed", Reply.ok(fixture("biorxiv-details-2020-2022-page1.json")));

        Fetch fetch = source("fixed", "/details/biorxiv/fixed", null, "0", 10).fetch(Validators.NONE, Map.of());

        assertEquals(1, fetch.documents().size());
        assertEquals("no-cursor: page 1 names a next page, but the url has no {cursor} to ask for it", fetch.incomplete());
    }

    @Test
    void theRememberedWindowStartAndValidatorsAreUsed() throws Exception {
        String url = "/details/biorxiv/2025-08-29/2025-08-30/0";
        server.conditional(url, () -> {
            try {
                return fixture("biorxiv-details-doi-2020.06.11.145425.json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> "\"d1\"", "Fri, 29 Aug 2025 10:00:00 GMT");
        PagedSource source = biorxiv(5);
        Validators known = new Validators("\"d1\"", null);

        Fetch other = source.fetch(known, Map.of("from", "2025-08-29", "url", server.url("/elsewhere")));
        assertEquals(Fetch.Status.OK, other.status(), "validators of another URL are not sent");
        Fetch same = source.fetch(known, Map.of("from", "2025-08-29", "url", server.url(url)));
        assertEquals(Fetch.Status.NOT_MODIFIED, same.status());
        assertNull(same.cursor(), "not modified: the cursor stays as it is");

        List<Request> requests = server.requests();
        assertNull(requests.get(0).header("If-None-Match"));
        assertEquals("\"d1\"", requests.get(1).header("If-None-Match"));
        assertEquals(List.of(url, url), paths());

        Fetch future = source.fetch(Validators.NONE, Map.of("from", "2025-09-02"));
        assertTrue(paths().get(2).startsWith("/details/biorxiv/2025-08-30/2025-08-30/"), "a start after today is today");
        assertEquals(Fetch.Status.FAILED, future.status(), "nothing served there");
    }
}
