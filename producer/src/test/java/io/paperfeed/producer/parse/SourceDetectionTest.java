package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real fixture of the sources beyond arXiv is detected as its format and as no other (the
 * seeds and arXiv fixtures are checked the same way in {@link ExpectedItemsTest}).
 */
class SourceDetectionTest {

    @ParameterizedTest
    @CsvSource({
        "crossref-works-query-ecology.json, crossref-works",
        "crossref-works-funder-cursor.json, crossref-works",
        "crossref-work-fgene.2017.00147.json, crossref-works",
        "openalex-work-W2741809807.json, openalex-works",
        "s2-paper-turing.json, semantic-scholar",
        "s2-search-turing.json, semantic-scholar",
        "s2-search-bulk-kubernetes.json, semantic-scholar",
        "s2-paper-batch-authors.json, semantic-scholar",
        "oai-pmh-arxiv-physics-hep-th.xml, oai-pmh",
        "oai-pmh-oai_dc-cs.xml, oai-pmh",
        "biorxiv-details-2020-2022-page1.json, biorxiv-details",
        "medrxiv-details-2020-2022-page1.json, biorxiv-details",
        "biorxiv-details-doi-2020.06.11.145425.json, biorxiv-details",
        "hf-daily-papers-api-2026-03-06.json, hf-daily-papers-api",
        "rss1-elsevier-jpeds.xml, journal-rss",
        "rss2-wiley-adsc.xml, journal-rss",
        "rss2-sciencedirect-clinical-simulation.xml, journal-rss",
    })
    void fixtureIsDetectedAsItsFormatOnly(String file, String format) throws Exception {
        assertEquals(List.of(format), FormatDetector.allMatching(FeedText.of(SourceFixtures.text(file))));
        assertEquals(format, SourceFixtures.read(file).format());
    }
}
