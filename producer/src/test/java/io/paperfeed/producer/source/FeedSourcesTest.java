package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs to sources; files, folders (recursive, sorted, hidden skipped), stdin, limits. */
class FeedSourcesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-20T04:00:00Z"), ZoneOffset.UTC);

    final FeedSources sources = new FeedSources(() -> HttpFetcherTest.fetcher(1_000, java.time.Duration.ZERO),
            new ByteArrayInputStream("Abstract: From a pipe.\n".getBytes(StandardCharsets.UTF_8)), CLOCK);

    @Test
    void specsNameTheirKindOfSource() {
        assertInstanceOf(StdinSource.class, sources.of("-"));
        assertEquals("stdin", sources.of("-").name());
        assertInstanceOf(HttpSource.class, sources.of("https://rss.arxiv.org/atom/cs.AI"));
        assertInstanceOf(HttpSource.class, sources.of("HTTP://127.0.0.1:8080/feed"));
        assertInstanceOf(FileSource.class, sources.of("seeds"));
        assertEquals("seeds", sources.of("seeds").name());
        String keyed = sources.of("https://user:pw@api.example.org/works?api_key=s3cr3t").name();
        assertTrue(keyed.matches("https://api\\.example\\.org/works\\?q-[0-9a-f]{8}"),
                "labels, logs and provenance never show a URL's key or password: " + keyed);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sources.of("https:///nohost"));
        assertTrue(e.getMessage().contains("https:///nohost"), e.getMessage());
    }

    @Test
    void aFolderIsReadRecursivelyInSortedOrderWithoutHiddenFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/deeper"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/deeper/3.txt"), "three");
        Files.writeString(dir.resolve("b/2.txt"), "two");
        Files.writeString(dir.resolve("a.txt"), "one");
        Files.writeString(dir.resolve(".hidden.txt"), "no");
        Files.writeString(dir.resolve(".git/config"), "no");
        Fetch fetch = sources.of(dir.toString()).fetch(Validators.NONE);
        assertEquals(Fetch.Status.OK, fetch.status());
        assertEquals(List.of(dir.resolve("a.txt").toString(), dir.resolve("b/2.txt").toString(),
                dir.resolve("b/deeper/3.txt").toString()), fetch.documents().stream().map(FeedDocument::name).toList());
        assertEquals("two", new String(fetch.documents().get(1).content(), StandardCharsets.UTF_8));
    }

    @Test
    void aMissingPathFailsTheFetchNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope");
        Fetch fetch = sources.of(missing.toString()).fetch(Validators.NONE);
        assertEquals(Fetch.Status.FAILED, fetch.status());
        assertEquals(missing + ": no such file or folder", fetch.error());
    }

    @Test
    void aFileOverTheLimitIsAProblemAndTheOthersStillCome(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("big.txt"), new byte[2_000]);
        Files.writeString(dir.resolve("small.txt"), "Abstract: Small.\n");
        Fetch fetch = new FileSource(dir, dir.toString(), 1_000, CLOCK).fetch(Validators.NONE);
        assertEquals(List.of(dir.resolve("small.txt").toString()),
                fetch.documents().stream().map(FeedDocument::name).toList());
        FetchProblem problem = fetch.problems().get(0);
        assertEquals(FetchProblem.TOO_LARGE, problem.reason());
        assertEquals(dir.resolve("big.txt").toString(), problem.document());
        assertTrue(problem.detail().contains("limit of 1000 bytes"), problem.detail());
    }

    @Test
    void stdinIsOneDocumentNamedStdinAndBounded() throws Exception {
        Fetch fetch = sources.of("-").fetch(Validators.NONE);
        assertEquals("stdin", fetch.documents().get(0).name());
        assertEquals("Abstract: From a pipe.\n", new String(fetch.documents().get(0).content(), StandardCharsets.UTF_8));

        Fetch big = new StdinSource(new ByteArrayInputStream(new byte[50]), 10, CLOCK).fetch(Validators.NONE);
        assertTrue(big.documents().isEmpty());
        assertEquals(FetchProblem.TOO_LARGE, big.problems().get(0).reason());
    }
}
