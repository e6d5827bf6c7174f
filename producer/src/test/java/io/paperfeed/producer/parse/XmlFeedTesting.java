package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared helpers of the XML feed tests: the two fixtures and short-hands for results. */
final class XmlFeedTesting {

    static final Instant FETCHED = Instant.parse("2026-04-12T22:10:00Z");
    static final Path API = Path.of("src", "test", "resources", "fixtures", "arxiv-api-query-testing.atom.xml");
    static final Path RSS = Path.of("src", "test", "resources", "fixtures", "arxiv-rss-cs.AI-2025-08-20.atom.xml");

    private XmlFeedTesting() {
    }

    static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static ParseResult read(String source, String xml) throws Exception {
        return reader(null).read(source, xml.getBytes(StandardCharsets.UTF_8), FETCHED);
    }

    static ParseResult read(String format, String source, String xml) throws Exception {
        return reader(format).read(source, xml.getBytes(StandardCharsets.UTF_8), FETCHED);
    }

    static FeedReader reader(String format) {
        return new FeedReader(format, Clock.fixed(FETCHED, ZoneOffset.UTC));
    }

    static List<String> reasons(ParseResult r) {
        return r.invalid().stream().map(InvalidItem::reason).toList();
    }

    static List<Integer> paperPositions(ParseResult r) {
        return r.papers().stream().map(p -> p.source().position()).toList();
    }

    static List<Integer> invalidPositions(ParseResult r) {
        return r.invalid().stream().map(i -> i.source().position()).toList();
    }

    static List<String> ids(ParseResult r) {
        return r.papers().stream().map(PaperEvent::arxivId).toList();
    }

    /** Asserts every field of a paper but its provenance's source and format. */
    static void assertPaper(PaperEvent p, String arxivId, Integer version, String doi, String title, String abstractText,
                            List<String> authors, List<String> categories, String comment, String published,
                            String updated, int position) {
        assertEquals(arxivId, p.arxivId(), "arxivId");
        assertEquals(version, p.version(), "version");
        assertEquals(doi, p.doi(), "doi");
        assertEquals(title, p.title(), "title");
        assertEquals(abstractText, p.abstractText(), "abstract");
        assertEquals(authors, p.authors(), "authors");
        assertEquals(categories, p.categories(), "categories");
        assertEquals(comment, p.comment(), "comment");
        assertEquals(published, p.published(), "published");
        assertEquals(updated, p.updated(), "updated");
        assertEquals(position, p.source().position(), "position");
        assertEquals(FETCHED, p.source().fetchedAt(), "fetchedAt");
    }
}
