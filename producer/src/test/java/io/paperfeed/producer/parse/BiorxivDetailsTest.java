package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.at;
import static io.paperfeed.producer.parse.SourceFixtures.dois;
import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bioRxiv and medRxiv details responses: a page of an interval, a DOI's versions, real and broken. */
class BiorxivDetailsTest {

    static final String BIORXIV = "biorxiv-details-2020-2022-page1.json";
    static final String MEDRXIV = "medrxiv-details-2020-2022-page1.json";
    static final String BY_DOI = "biorxiv-details-doi-2020.06.11.145425.json";

    @Test
    void intervalPageHoldsFiveVersionsAndItsPaging() throws Exception {
        ParseResult r = read(BIORXIV);
        assertEquals("biorxiv-details", r.format());
        assertEquals(List.of("10.1101/001768", "10.1101/006965", "10.1101/008326", "10.1101/008326", "10.1101/010553"),
                dois(r));
        assertEquals(List.of(), r.invalid());
        assertEquals(new FeedPaging(152918L, 0L, 100L), r.paging(), "total and count are strings, the cursor a number");
        assertEquals(100L, r.paging().nextStartIndex(), "the next page: cursor + count");
    }

    @Test
    void laterVersionFieldByField() throws Exception {
        ParseResult r = read(BIORXIV);
        PaperEvent p = at(r, 1);
        assertEquals("10.1101/001768", p.doi());
        assertNull(p.arxivId());
        assertEquals(2, p.version());
        assertEquals("Characterization of cell-to-cell variation in nuclear transport rates and identification of its "
                + "sources", p.title());
        assertTrue(p.abstractText().startsWith("Nuclear transport is an essential part of eukaryotic cell function."),
                p.abstractText());
        assertEquals(List.of("L. Durrieu", "A. Bush", "A. Grande", "R. Johansson", "D. L. I. Janzen"),
                p.authors().subList(0, 5), "Family, Given turned round; the list's trailing semicolon adds no one");
        assertEquals(List.of("systems biology"), p.categories());
        assertNull(p.published(), "version 2's date is when it was revised");
        assertEquals("2022-06-24", p.updated());
        assertEquals("bioRxiv", p.comment());
        assertEquals(List.of("https://www.biorxiv.org/content/10.1101/001768v2",
                "https://www.biorxiv.org/content/early/2022/06/24/001768.source.xml"), p.links());
        PaperExtras extras = r.extras(p);
        assertEquals(List.of(new PaperExtras.Relation("is-preprint-of", "doi", "10.1016/j.isci.2022.105906")),
                extras.relations(), "the journal version it became");
        assertEquals("bioRxiv", extras.venue());
    }

    @Test
    void eachVersionIsItsOwnItemAndAnUnpublishedOneHasNoRelation() throws Exception {
        ParseResult r = read(BIORXIV);
        assertEquals(3, at(r, 3).version());
        assertEquals(4, at(r, 4).version());
        assertEquals("2021-10-01", at(r, 4).updated());
        assertEquals(r.extras(at(r, 3)).relations(), r.extras(at(r, 4)).relations());
        assertEquals(List.of(), r.extras(at(r, 5)).relations(), "published NA: not published yet");
        assertEquals(List.of("E. Yapar", "E. Sagl\u0131can", "H. M. D\u00f6nertas"), at(r, 5).authors().subList(0, 3));
    }

    @Test
    void medrxivFirstVersionIsPublishedOnItsDate() throws Exception {
        ParseResult r = read(MEDRXIV);
        assertEquals("biorxiv-details", r.format());
        assertEquals(new FeedPaging(47826L, 0L, 100L), r.paging());
        PaperEvent first = at(r, 1);
        assertEquals("10.1101/2019.12.26.19014274", first.doi());
        assertEquals(1, first.version());
        assertEquals("2020-01-02", first.published());
        assertNull(first.updated());
        assertEquals("medRxiv", first.comment());
        assertEquals("https://www.medrxiv.org/content/10.1101/2019.12.26.19014274v1", first.links().get(0));
        assertEquals(List.of("M. Banno", "Y. Tsujimoto", "Y. Kataoka"), first.authors());
        assertEquals(List.of(new PaperExtras.Relation("is-preprint-of", "doi", "10.1038/s41598-020-66867-0")),
                r.extras(at(r, 2)).relations());
    }

    @Test
    void doiLookupIsOnePreprintWithoutPaging() throws Exception {
        ParseResult r = read(BY_DOI);
        assertEquals("biorxiv-details", r.format());
        assertEquals(List.of("10.1101/2020.06.11.145425"), dois(r));
        assertNull(r.paging(), "a DOI's versions come on one page");
        assertEquals(List.of(new PaperExtras.Relation("is-preprint-of", "doi", "10.1016/j.patter.2020.100123")),
                r.extras(r.papers().get(0)).relations());
        assertEquals(List.of("scientific communication and education"), r.papers().get(0).categories());
    }

    @Test
    void brokenVersionCostsOnlyItself() throws Exception {
        String json = text(BIORXIV).replace("\"version\":\"13\"", "\"version\":[\"13\"]")
                .replace("\"version\":\"4\"", "\"version\":\"four\"");
        ParseResult r = readText("broken.json", json);
        assertEquals(List.of(1, 3, 5), paperPositions(r));
        assertEquals(List.of("bad-record", "bad-record"), reasons(r));
        assertEquals(List.of(2, 4), invalidPositions(r));
        assertEquals("record 2: field 'version' is not text: ARRAY", r.invalid().get(0).detail());
        assertEquals("record 4: field 'version' is not a version number: four", r.invalid().get(1).detail());
        assertTrue(r.invalid().get(1).excerpt().startsWith("{\"title\":\"PMCE: efficient inference"),
                r.invalid().get(1).excerpt());
    }

    @Test
    void documentCutShortKeepsTheVersionsBeforeTheCut() throws Exception {
        String json = text(BIORXIV);
        ParseResult r = readText("cut.json", json.substring(0, json.indexOf("Convergent evolution of primate testis")));
        assertEquals("biorxiv-details", r.format());
        assertEquals(List.of(1, 2, 3, 4), paperPositions(r));
        assertEquals(List.of("bad-json"), reasons(r));
        assertEquals(List.of(5), invalidPositions(r));
    }

    @Test
    void errorStatusIsAnApiErrorAndNoPostsFoundIsAnEmptyPage() throws Exception {
        String json = text(BY_DOI);
        String empty = json.substring(0, json.indexOf("\"collection\":[") + "\"collection\":[".length()) + "]}";
        ParseResult none = readText("none.json", empty.replace("\"status\":\"ok\"", "\"status\":\"no posts found\""));
        assertEquals("biorxiv-details", none.format());
        assertEquals(0, none.items());

        ParseResult error = readText("error.json", empty.replace("\"status\":\"ok\"", "\"status\":\"error\""));
        assertEquals(List.of("api-error"), reasons(error));
        InvalidItem e = error.invalid().get(0);
        assertEquals(1, e.source().position());
        assertEquals("the bioRxiv API answered with status 'error'", e.detail());
    }

    @Test
    void authorListsAreSplitAtSemicolons() {
        assertEquals(List.of("L. Durrieu", "D. L. I. Janzen", "Guo S", "Smith, J., Jr."),
                BiorxivDetailsFormat.authors("Durrieu, L.; Janzen, D. L. I.; Guo S;; Smith, J., Jr.;"));
        assertEquals(List.of(), BiorxivDetailsFormat.authors(null));
    }
}
