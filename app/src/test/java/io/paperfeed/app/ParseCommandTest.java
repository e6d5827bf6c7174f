package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import io.paperfeed.producer.source.HostRateLimiter;
import io.paperfeed.producer.source.HttpFetcher;
import io.paperfeed.producer.source.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code paperfeed parse}: papers as JSON lines on stdout, invalid items and summaries on stderr, exit codes. */
class ParseCommandTest {

    static final Path REPO_SEEDS = Path.of("..", "seeds");

    @TempDir
    Path temp;

    /** The repository's four seed feeds, in a folder of their own (seeds/ may hold other files too). */
    Path seedFeeds() throws IOException {
        Path seeds = Files.createDirectories(temp.resolve("seeds"));
        try (Stream<Path> files = Files.list(REPO_SEEDS)) {
            for (Path feed : files.filter(p -> p.getFileName().toString().matches("\\d{3}_[0-9a-f]+\\.txt")).toList()) {
                Files.copy(feed, seeds.resolve(feed.getFileName()));
            }
        }
        return seeds;
    }
    static final String DAILY_LINE = "{\"id\": \"2503.00001\", \"title\": \"A title\", \"authors\": [\"A. Author\"], "
            + "\"categories\": [\"cs.AI\"], \"comment\": null, \"summary\": \"An abstract\\nwrapped.\"}";

    record Run(int exit, List<String> out, List<String> err) {
        List<String> summaries() {
            return err.stream().filter(l -> l.matches(".*: [a-z-]+, \\d+ papers, \\d+ invalid")).toList();
        }
    }

    static Run parse(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        HttpFetcher fetcher = new HttpFetcher(new HostRateLimiter(Duration.ofMillis(50)),
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(1)), 1_000_000, Clock.systemUTC());
        int exit = new CommandLine(new ParseCommand(stdin, () -> fetcher))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, lines(out), lines(err));
    }

    static Run parse(String... args) {
        return parse(InputStream.nullInputStream(), args);
    }

    static List<String> lines(StringWriter writer) {
        String text = writer.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Test
    void theSeedsAre114PapersAsJsonLinesAndFourSummaries() throws Exception {
        Path seeds = seedFeeds();
        Run run = parse(seeds.toString());
        assertEquals(0, run.exit(), String.join("\n", run.err()));
        assertEquals(114, run.out().size());
        for (String line : run.out()) {
            PaperEvent paper = Json.MAPPER.readValue(line, PaperEvent.class);
            assertTrue(paper.source().source().startsWith(seeds.toString()), line);
        }
        assertEquals(4, run.summaries().size(), String.join("\n", run.err()));
        assertTrue(run.summaries().get(0).startsWith(seeds.resolve("000_967216e45daf8c7a.txt") + ": "),
                run.summaries().get(0));
        assertEquals(run.summaries(), run.err(), "nothing but the summaries on stderr");
    }

    @Test
    void theRepositorysSeedsFolderParsesCleanlyAndItsTaxonomyIsNotTakenForAFeed() throws Exception {
        assertTrue(Files.exists(REPO_SEEDS.resolve("topics.yaml")));
        Run run = parse(REPO_SEEDS.toString());
        assertEquals(114, run.out().size());
        assertEquals(4, run.summaries().size());
        assertEquals(List.of(), run.err().stream().filter(l -> l.startsWith("paperfeed parse: ")).toList());
        assertEquals(0, run.exit());
    }

    @Test
    void dashReadsStdinAsTheSourceStdin() throws Exception {
        Run run = parse(new ByteArrayInputStream((DAILY_LINE + "\n").getBytes(StandardCharsets.UTF_8)), "-");
        assertEquals(0, run.exit());
        PaperEvent paper = Json.MAPPER.readValue(run.out().get(0), PaperEvent.class);
        assertEquals("stdin", paper.source().source());
        assertEquals("An abstract wrapped.", paper.abstractText());
        assertEquals(List.of("stdin: arxiv-daily-jsonl, 1 papers, 0 invalid"), run.err());
    }

    @Test
    void aMissingPathIsOneLineAndExit1WhileTheRestIsStillPrinted() throws IOException {
        Run run = parse("no-such-feed.txt", seedFeeds().toString());
        assertEquals(1, run.exit());
        assertEquals("paperfeed parse: no-such-feed.txt: no such file or folder", run.err().get(0));
        assertEquals(114, run.out().size());
        assertEquals(4, run.summaries().size());
    }

    @Test
    void aFileInNoKnownFormatIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Dear colleagues,\n\nthe workshop moves to room 4.\n");
        Run run = parse(notes.toString());
        assertEquals(1, run.exit());
        assertEquals(1, run.err().size(), String.join("\n", run.err()));
        assertTrue(run.err().get(0).startsWith("paperfeed parse: " + notes + ": not a known feed format (tried "),
                run.err().get(0));
        assertTrue(run.out().isEmpty());
    }

    @Test
    void invalidItemsAreLinesWithReasonPlaceAndDetailOrJson(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("daily.jsonl");
        Files.writeString(feed, DAILY_LINE + "\nnot json at all\n");
        Run text = parse(feed.toString());
        assertEquals(0, text.exit(), "invalid items are data, not a failure to read");
        assertEquals(1, text.out().size());
        assertTrue(text.err().get(0).startsWith(feed + ":2: invalid (bad-json): "), text.err().get(0));
        assertEquals(feed + ": arxiv-daily-jsonl, 1 papers, 1 invalid", text.err().get(1));

        Run json = parse("--invalid-json", feed.toString());
        InvalidItem item = Json.MAPPER.readValue(json.err().get(0), InvalidItem.class);
        assertEquals("bad-json", item.reason());
        assertEquals(2, item.source().position());
    }

    @Test
    void formatForcesTheFormatAndAnUnknownNameIsAUsageError(@TempDir Path dir) throws Exception {
        Path prose = dir.resolve("forced.txt");
        Files.writeString(prose, "Some prose that detection would refuse.\n\nAbstract: A real abstract.\n");
        assertEquals(1, parse(prose.toString()).exit());
        Run forced = parse("--format", "arxiv-listing-abstracts", prose.toString());
        assertEquals(0, forced.exit());
        assertEquals(1, forced.out().size());

        Run unknown = parse("--format", "rss-9", prose.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().get(0).contains("unknown format 'rss-9', known: "), unknown.err().get(0));
    }

    @Test
    void aUrlIsFetchedAndParsed() throws Exception {
        byte[] body = (DAILY_LINE + "\n").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.jsonl", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Run run = parse(url + "/feed.jsonl", url + "/gone");
            assertEquals(1, run.exit());
            assertEquals(url + "/feed.jsonl", Json.MAPPER.readValue(run.out().get(0), PaperEvent.class).source().source());
            assertEquals(List.of(url + "/feed.jsonl: arxiv-daily-jsonl, 1 papers, 0 invalid",
                    "paperfeed parse: " + url + "/gone: HTTP 404"), run.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEmptyFolderSaysSo(@TempDir Path dir) {
        Run run = parse(dir.toString());
        assertEquals(0, run.exit());
        assertEquals(List.of(dir + ": no feed files"), run.err());
        assertFalse(run.out().iterator().hasNext());
    }
}
