package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection, forcing, unknown formats, size bounds, folder expansion and bad items in the text formats. */
class FeedReaderTest {

    static final Instant FETCHED = Instant.parse("2025-08-30T06:00:00Z");
    final FeedReader reader = new FeedReader();

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pngIsAnUnknownFormatNamingTheFileAndTheFormatsTried(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("papers.txt");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0});
        UnknownFormatException e = assertThrows(UnknownFormatException.class, () -> reader.read(png, FETCHED));
        assertTrue(e.getMessage().startsWith(png + ": not a known feed format"), e.getMessage());
        for (String format : FeedReader.formats()) {
            assertTrue(e.getMessage().contains(format), e.getMessage());
        }
    }

    @Test
    void proseIsAnUnknownFormat() {
        String prose = "Dear colleagues,\n\nthe workshop on stream processing moves to room 4.\n"
                + "Abstracts are due on Friday.\n\nBest regards\n";
        UnknownFormatException e = assertThrows(UnknownFormatException.class,
                () -> reader.read("mail/notice.eml", utf8(prose), FETCHED));
        assertTrue(e.getMessage().contains("mail/notice.eml"), e.getMessage());
        assertThrows(UnknownFormatException.class, () -> reader.read("empty", new byte[0], FETCHED));
        assertThrows(UnknownFormatException.class,
                () -> reader.read("other.jsonl", utf8("{\"name\": \"x\"}\n{\"name\": \"y\"}\n"), FETCHED));
    }

    @Test
    void forcedFormatSkipsDetection() throws Exception {
        String text = "Some prose that detection would refuse.\n\nAbstract: A real abstract.\n";
        assertThrows(UnknownFormatException.class, () -> reader.read("forced.txt", utf8(text), FETCHED));
        ParseResult r = new FeedReader("arxiv-listing-abstracts").read("forced.txt", utf8(text), FETCHED);
        assertEquals("arxiv-listing-abstracts", r.format());
        assertEquals(List.of("A real abstract."), r.papers().stream().map(PaperEvent::abstractText).toList());
        assertEquals(3, r.papers().get(0).source().position());
        assertEquals(List.of("unrecognised"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(1, r.invalid().get(0).source().position());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeedReader("rss"));
        assertTrue(e.getMessage().contains("hf-daily-papers"), e.getMessage());
    }

    @Test
    void fileOverTheLimitIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(FeedReader.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }
        IOException e = assertThrows(IOException.class, () -> reader.read(big, FETCHED));
        assertTrue(e.getMessage().startsWith(big + ": feed too large"), e.getMessage());
    }

    @Test
    void expandListsFoldersSortedAndSkipsHiddenFiles(@TempDir Path dir) throws Exception {
        Path feeds = Files.createDirectories(dir.resolve("feeds"));
        Files.writeString(feeds.resolve("b.txt"), "b");
        Files.writeString(feeds.resolve("a.jsonl.gz"), "a");
        Files.writeString(feeds.resolve(".hidden"), "h");
        Files.createDirectories(feeds.resolve(".git"));
        Files.writeString(feeds.resolve(".git/config"), "c");
        Files.createDirectories(feeds.resolve("sub"));
        Files.writeString(feeds.resolve("sub/c.txt"), "c");
        Path single = Files.writeString(dir.resolve("single.txt"), "s");
        assertEquals(List.of(single, feeds.resolve("a.jsonl.gz"), feeds.resolve("b.txt"), feeds.resolve("sub/c.txt")),
                FeedReader.expand(List.of(single, feeds)));
        assertThrows(NoSuchFileException.class, () -> FeedReader.expand(List.of(dir.resolve("missing"))));
    }

    @Test
    void listingKeepsGoodAbstractsAroundJunk() throws Exception {
        String text = "Abstract: First abstract.\nAbstract:\n\n\u0000\u0001\u0002\u0003\u0004\u0005garbage\n\n"
                + "Abstract:  Second   abstract,\n  wrapped onto a second line.\n"
                + "Abstract: Third abstract.\n\u0000\u0000 glued junk\n";
        ParseResult r = reader.read("listing.txt", utf8(text), FETCHED);
        assertEquals("arxiv-listing-abstracts", r.format());
        assertEquals(List.of("First abstract.", "Second abstract, wrapped onto a second line.", "Third abstract."),
                r.papers().stream().map(PaperEvent::abstractText).toList());
        assertEquals(List.of(1, 6, 8), r.papers().stream().map(p -> p.source().position()).toList());
        assertEquals(List.of("no-abstract", "binary", "binary"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(List.of(2, 4, 9), r.invalid().stream().map(i -> i.source().position()).toList());
    }

    @Test
    void authorListingReportsAnEntryWithoutIdAndReadsOldStyleIds() throws Exception {
        String text = "A Title Alone\n\nAn abstract of a paper about strings, long enough to be the abstract.\n\n"
                + "arXiv:hep-th/9709111v3\nCreated: 1997-09-16 Updated: 1998-01-22\n\n"
                + "Short abstract.\n\nAccepted at NeurIPS 2024, 10 pages\n\n"
                + "arXiv:2410.00001v2\nCreated: 2024-10-01\n\n"
                + "A trailing abstract whose entry was cut off.\n";
        ParseResult r = reader.read("author.txt", utf8(text), FETCHED);
        assertEquals("arxiv-author-listing", r.format());
        assertEquals(2, r.papers().size());
        PaperEvent old = r.papers().get(0);
        assertEquals("hep-th/9709111", old.arxivId());
        assertEquals(3, old.version());
        assertEquals("A Title Alone", old.title());
        assertEquals("An abstract of a paper about strings, long enough to be the abstract.", old.abstractText());
        assertEquals("1997-09-16", old.published());
        assertEquals("1998-01-22", old.updated());
        PaperEvent shortOne = r.papers().get(1);
        assertEquals("Short abstract.", shortOne.abstractText());
        assertEquals("Accepted at NeurIPS 2024, 10 pages", shortOne.comment());
        assertEquals(null, shortOne.title());
        assertEquals(2, shortOne.version());
        assertEquals(List.of("incomplete"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(15, r.invalid().get(0).source().position());
    }

    @Test
    void dailyPapersReportATitleWithoutAbstract() throws Exception {
        String longAbstract = "We study something at length. ".repeat(15).strip();
        String text = "Daily Papers\n\nby AK and the research community\n\nAug 29\n\n"
                + "First Title\n\n" + longAbstract + "\n\n"
                + "Orphan Title\n\n"
                + "Third Title\n\n" + longAbstract + "\n\n"
                + "Aug 28\n\nFourth Title\n\nShort abstract.\n";
        ParseResult r = reader.read("hf.txt", utf8(text), FETCHED);
        assertEquals("hf-daily-papers", r.format());
        assertEquals(List.of("First Title", "Third Title", "Fourth Title"),
                r.papers().stream().map(PaperEvent::title).toList());
        assertEquals(List.of("Aug 29", "Aug 29", "Aug 28"), r.papers().stream().map(PaperEvent::published).toList());
        assertEquals("Short abstract.", r.papers().get(2).abstractText());
        assertEquals(List.of("no-abstract"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(11, r.invalid().get(0).source().position());
        assertEquals("Orphan Title", r.invalid().get(0).excerpt());
    }

    @Test
    void aggregatorReportsAnItemWithoutAbstract() throws Exception {
        String abs = "An abstract that is long enough. ".repeat(12).strip();
        String text = "Collaborating Authors\n\n Doe, Jane\n\n"
                + "First Paper\n\narXiv.org Machine Learning\n\n" + abs + "\n\n"
                + "Second Paper\n\narXiv.org Artificial Intelligence\n\n"
                + "Third Paper\n\narXiv.org Computation and Language\n\n" + abs + "\n";
        ParseResult r = reader.read("agg.txt", utf8(text), FETCHED);
        assertEquals("aggregator-author-page", r.format());
        assertEquals(List.of("First Paper", "Third Paper"), r.papers().stream().map(PaperEvent::title).toList());
        assertEquals(List.of("arXiv.org Computation and Language"), r.papers().get(1).categories());
        assertEquals(List.of("no-abstract"), r.invalid().stream().map(InvalidItem::reason).toList());
        assertEquals(11, r.invalid().get(0).source().position());
    }
}
