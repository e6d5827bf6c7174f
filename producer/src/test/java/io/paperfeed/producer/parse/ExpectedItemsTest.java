package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every seed file and both XML fixtures, parsed and compared item by item, field by field, with the
 * reviewed expectation in {@code src/test/resources/expected/<name>.jsonl} (one JSON line per paper,
 * then one per invalid item). Run with {@code -Dpaperfeed.expected.update=true} to rewrite the
 * expectations after a deliberate change, then review the diff.
 */
class ExpectedItemsTest {

    static final Instant FETCHED = Instant.parse("2025-08-30T06:00:00Z");
    static final Path EXPECTED = Path.of("src", "test", "resources", "expected");

    @ParameterizedTest
    @CsvSource({
        "../seeds/000_967216e45daf8c7a.txt, arxiv-listing-abstracts, 10",
        "../seeds/001_ef842ff49690e270.txt, arxiv-author-listing, 10",
        "../seeds/002_98fae5f0e34f7b08.txt, aggregator-author-page, 6",
        "../seeds/003_67158ccae971545e.txt, hf-daily-papers, 88",
        "src/test/resources/fixtures/arxiv-api-query-testing.atom.xml, arxiv-atom-api, 10",
        "src/test/resources/fixtures/arxiv-rss-cs.AI-2025-08-20.atom.xml, arxiv-rss, 7",
        "src/test/resources/arxiv-daily-sample.jsonl, arxiv-daily-jsonl, 20",
    })
    void parsesToExactlyTheExpectedItems(String file, String format, int papers) throws Exception {
        Path path = Path.of(file);
        ParseResult r = new FeedReader(null, Clock.fixed(FETCHED, ZoneOffset.UTC)).read(path, FETCHED);
        assertEquals(format, r.format());
        assertEquals(papers, r.papers().size());
        assertEquals(List.of(format), FormatDetector.allMatching(FeedText.of(Files.readString(path))),
                "detection is unambiguous");

        List<String> actual = new ArrayList<>();
        for (PaperEvent p : r.papers()) {
            actual.add(Json.MAPPER.writeValueAsString(p));
        }
        for (InvalidItem i : r.invalid()) {
            actual.add(Json.MAPPER.writeValueAsString(i));
        }
        Path expectedFile = EXPECTED.resolve(path.getFileName().toString().replaceAll("\\.[a-z]+$", "") + ".jsonl");
        if (Boolean.getBoolean("paperfeed.expected.update")) {
            Files.write(expectedFile, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        assertEquals(expected.size(), actual.size(), "items of " + file);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "item " + (i + 1) + " of " + file);
        }
    }
}
