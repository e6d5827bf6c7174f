package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The arXiv daily JSON lines: a 20-line slice of the 2025-04-01 dump, plain and gzipped. */
class ArxivDailyJsonlTest {

    static final Instant FETCHED = Instant.parse("2025-04-01T06:00:00Z");
    static final Instant NOW = Instant.parse("2025-04-01T06:00:05Z");
    final FeedReader reader = new FeedReader(null, Clock.fixed(NOW, ZoneOffset.UTC));

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ArxivDailyJsonlTest.class.getResource("/" + name).toURI());
    }

    static List<String> sampleLines() throws Exception {
        return Files.readAllLines(resource("arxiv-daily-sample.jsonl"), StandardCharsets.UTF_8);
    }

    static byte[] utf8(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryLineWithItsFields() throws Exception {
        Path file = resource("arxiv-daily-sample.jsonl");
        ParseResult r = reader.read(file, FETCHED);
        assertEquals("arxiv-daily-jsonl", r.format());
        assertEquals(20, r.papers().size());
        assertEquals(List.of(), r.invalid());

        PaperEvent first = r.papers().get(0);
        assertEquals("2503.22698", first.arxivId());
        assertNull(first.version());
        assertEquals("Fragile Mastery: Are Domain-Specific Trade-Offs Undermining On-Device Language Models?",
                first.title());
        assertEquals(List.of("Basab Jha", "Firoj Paudel"), first.authors());
        assertEquals(List.of("cs.CL"), first.categories());
        assertEquals("14 Pages, 5 figures", first.comment());
        assertNull(first.published(), "the dump carries no dates");
        assertEquals(1, first.source().position());
        assertEquals(file.toString(), first.source().source());
        // the hard-wrapped summary is one line
        assertTrue(first.abstractText().startsWith("The application of on-device language models (ODLMs) on "
                + "resource-constrained edge devices is a multi-dimensional problem"), first.abstractText());
        assertFalse(first.abstractText().contains("\n"));
        assertTrue(first.abstractText().endsWith("between model compression intensity and brittleness."));

        PaperEvent third = r.papers().get(2);
        assertNull(third.comment(), "JSON null comment");
        assertEquals(19, third.authors().size());
        assertEquals(List.of("cs.CL", "cs.LG"), third.categories());
        assertEquals(3, third.source().position());
        assertEquals(List.of("cs.CL", "cs.AI", "q-bio.QM"), r.papers().get(17).categories());
    }

    @Test
    void gzipIsDetectedByMagicBytesNotName() throws Exception {
        ParseResult plain = reader.read(resource("arxiv-daily-sample.jsonl"), FETCHED);
        byte[] gz = Files.readAllBytes(resource("arxiv-daily-sample.jsonl.gz"));
        assertEquals(0x1f, gz[0] & 0xff);
        ParseResult zipped = reader.read("feeds/daily-without-suffix", gz, FETCHED);
        assertEquals("arxiv-daily-jsonl", zipped.format());
        assertEquals(20, zipped.papers().size());
        for (int i = 0; i < 20; i++) {
            PaperEvent a = plain.papers().get(i);
            PaperEvent b = zipped.papers().get(i);
            assertEquals(a.arxivId(), b.arxivId());
            assertEquals(a.abstractText(), b.abstractText());
            assertEquals("feeds/daily-without-suffix", b.source().source());
        }
        // and the .gz file read from disk
        assertEquals(20, reader.read(resource("arxiv-daily-sample.jsonl.gz"), FETCHED).papers().size());
    }

    @Test
    void badJsonLineInTheMiddleCostsOnlyItself() throws Exception {
        List<String> lines = new ArrayList<>(sampleLines());
        lines.add(10, "{\"id\": \"2503.99999\", \"title\": \"cut off"); // line 11
        ParseResult r = reader.read("mixed.jsonl", utf8(lines), FETCHED);
        assertEquals("arxiv-daily-jsonl", r.format());
        assertEquals(20, r.papers().size());
        assertEquals(1, r.invalid().size());
        InvalidItem bad = r.invalid().get(0);
        assertEquals("bad-json", bad.reason());
        assertEquals("producer", bad.stage());
        assertEquals(11, bad.source().position());
        assertEquals("mixed.jsonl", bad.source().source());
        assertEquals("arxiv-daily-jsonl", bad.source().format());
        assertEquals("{\"id\": \"2503.99999\", \"title\": \"cut off", bad.excerpt());
        assertEquals(NOW, bad.at());
        // neighbours kept, and positions are file lines
        assertEquals(10, r.papers().get(9).source().position());
        assertEquals(12, r.papers().get(10).source().position());
        assertEquals("2503.22862", r.papers().get(10).arxivId());
    }

    @Test
    void emptyAbstractTooLongAbstractBinaryAndBadRecordAreInvalid() throws Exception {
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 3));
        lines.add("{\"id\": \"2504.00001\", \"title\": \"No abstract\", \"authors\": [], \"categories\": [], "
                + "\"comment\": null, \"summary\": \" \\n \"}");
        lines.add("{\"id\": \"2504.00002\", \"title\": \"Huge\", \"summary\": \""
                + "word ".repeat(FeedReader.MAX_ABSTRACT_CHARS / 5 + 1) + "\"}");
        lines.add("\u0000\u0001\u0002PK\u0003\u0004 junk \u0000\u0000");
        lines.add("{\"id\": \"2504.00003\", \"title\": \"Authors wrong\", \"authors\": 7, \"summary\": \"Fine.\"}");
        lines.add("{\"id\": \"not-an-id\", \"summary\": \"An abstract.\"}");
        lines.add("[1, 2, 3]");
        lines.add(sampleLines().get(3));
        ParseResult r = reader.read("bad.jsonl", utf8(lines), FETCHED);
        assertEquals(List.of("2503.22698", "2503.22714", "2503.22727", "2503.22746"),
                r.papers().stream().map(PaperEvent::arxivId).toList());
        assertEquals(List.of("no-abstract", "abstract-too-long", "binary", "bad-record", "bad-id", "bad-json"),
                r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(List.of(4, 5, 6, 7, 8, 9), r.invalid().stream().map(i -> i.source().position()).toList());
        assertTrue(r.invalid().get(1).excerpt().length() <= InvalidItem.EXCERPT_LIMIT);
        assertTrue(r.invalid().get(1).detail().contains("20000"), r.invalid().get(1).detail());
        assertFalse(r.invalid().get(2).excerpt().contains("\u0000"));
        assertEquals(10, r.papers().get(3).source().position());
    }

    @Test
    void abstractAtTheLimitIsKept() throws Exception {
        String summary = "a".repeat(FeedReader.MAX_ABSTRACT_CHARS);
        String line = "{\"id\": \"2504.00004v3\", \"summary\": \"" + summary + "\"}";
        ParseResult r = reader.read("limit.jsonl", utf8(List.of(line)), FETCHED);
        assertEquals(1, r.papers().size());
        assertEquals("2504.00004", r.papers().get(0).arxivId());
        assertEquals(3, r.papers().get(0).version());
        assertNull(r.papers().get(0).title());
    }

    @Test
    void gzipBombIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 65; i++) {
                gz.write(spaces);
            }
        }
        byte[] bomb = bytes.toByteArray();
        assertTrue(bomb.length < 1024 * 1024);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> reader.read("bomb.gz", bomb, FETCHED));
        assertTrue(e.getMessage().startsWith("bomb.gz: feed too large"), e.getMessage());
    }

    @Test
    void corruptGzipIsAClearIoError() {
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> reader.read("broken.gz", gz, FETCHED));
        assertTrue(e.getMessage().startsWith("broken.gz: corrupt gzip data"), e.getMessage());
    }
}
