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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crossref REST works responses: a query page, a cursor page and a single work, real and broken. */
class CrossrefWorksTest {

    static final String QUERY = "crossref-works-query-ecology.json";
    static final String CURSOR = "crossref-works-funder-cursor.json";
    static final String SINGLE = "crossref-work-fgene.2017.00147.json";

    @Test
    void queryPageHoldsFourWorksWithAbstractsAndOneTitleOnly() throws Exception {
        ParseResult r = read(QUERY);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of("10.1101/055319", "10.1002/ece3.2314", "10.1101/014852", "10.1177/2053951719836258"), dois(r));
        assertEquals(List.of(2, 3, 4, 5), paperPositions(r));
        assertEquals(List.of("no-abstract"), reasons(r), "a work without abstract is no paper event (yet)");
        InvalidItem titleOnly = r.invalid().get(0);
        assertEquals(1, titleOnly.source().position());
        assertEquals("item has no abstract: a sighting of only title 'Ecological management of stochastic systems with "
                + "long transients', DOI 10.1007/s12080-020-00477-4 cannot be a paper event, which needs an abstract",
                titleOnly.detail());
        assertTrue(titleOnly.excerpt().startsWith("{\"indexed\":{\"date-parts\":[[2025,2,21]]"), titleOnly.excerpt());
        assertEquals(new FeedPaging(1253L, 0L, 20L, null), r.paging());
        assertEquals(20L, r.paging().nextStartIndex());
    }

    @Test
    void postedContentFieldByField() throws Exception {
        PaperEvent p = at(read(QUERY), 2);
        assertEquals("10.1101/055319", p.doi());
        assertNull(p.arxivId());
        assertEquals("Measurement uncertainty matters: ecological management using POMDPs", p.title());
        assertEquals(List.of("Milad Memarzadeh", "Carl Boettiger"), p.authors());
        assertEquals(List.of("Ecology"), p.categories(), "a posted content's group title");
        assertEquals("2016-05-30", p.published());
        assertEquals("bioRxiv", p.comment(), "the preprint server as venue");
        assertTrue(p.abstractText().startsWith("Over the past 30 years, researchers have used various approximations"),
                "the leading 'Abstract' JATS title is dropped: " + p.abstractText());
        assertFalse(p.abstractText().contains("<"), p.abstractText());
        assertEquals(List.of("https://doi.org/10.1101/055319", "https://syndication.highwire.org/content/doi/10.1101/055319"),
                p.links());
    }

    @Test
    void journalArticleCarriesIssnVenueAndItsPreprint() throws Exception {
        ParseResult r = read(QUERY);
        PaperEvent article = at(r, 3);
        assertEquals("10.1002/ece3.2314", article.doi());
        assertEquals("After the games are over: life\u2010history trade\u2010offs drive dispersal attenuation following "
                + "range expansion", article.title());
        assertEquals(List.of("T. Alex Perkins", "Carl Boettiger", "Benjamin L. Phillips"), article.authors());
        assertEquals("2016-08-18", article.published());
        assertEquals("Ecology and Evolution", article.comment());
        assertTrue(article.abstractText().startsWith("Increased dispersal propensity often evolves on expanding range "
                + "edges due to the Olympic Village effect"), article.abstractText());
        PaperExtras extras = r.extras(article);
        assertEquals(Map.of("issn", List.of("2045-7758")), extras.ids(), "repeated ISSNs once");
        assertEquals(List.of(new PaperExtras.Relation("has-preprint", "doi", "10.1101/014852")), extras.relations());
        assertEquals("Ecology and Evolution", extras.venue());
        assertEquals("10.1101/014852", at(r, 4).doi(), "its preprint is in the same page");
        assertEquals("Big Data & Society", at(r, 5).comment(), "entities in container titles decoded");
    }

    @Test
    void cursorPageGivesTheNextCursorAndIsPreprintOfRelations() throws Exception {
        ParseResult r = read(CURSOR);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of("10.1177/00938548211039545", "10.5194/acp-2021-781"), dois(r));
        assertEquals(List.of("no-abstract"), reasons(r));
        assertEquals(List.of(3), invalidPositions(r));
        assertTrue(r.paging().nextCursor().startsWith("DnF1ZXJ5VGhlbkZldGNoBgAAAAAQYsUXFmwwTF9ZaHF6VGlTa19k"));
        assertEquals(368301L, r.paging().totalResults());
        assertEquals(30L, r.paging().itemsPerPage());
        assertTrue(r.paging().hasMore());

        PaperEvent preprint = at(r, 2);
        assertEquals("Microphysical processes producing high ice water contents (HIWCs) in tropical convective clouds "
                + "during the HAIC-HIWC field campaign: dominant role of secondary ice production", preprint.title());
        assertEquals(13, preprint.authors().size());
        assertEquals("Yongjie Huang", preprint.authors().get(0));
        assertTrue(preprint.abstractText().startsWith("Abstract. High ice water content (HIWC) regions"));
        List<PaperExtras.Relation> relations = r.extras(preprint).relations();
        assertTrue(relations.contains(new PaperExtras.Relation("is-preprint-of", "doi", "10.5194/acp-22-2365-2022")),
                relations.toString());
        assertEquals(6, relations.size(), "two reviews, three comments, one journal version");
        assertEquals("Criminal Justice and Behavior", at(r, 1).comment());
        assertEquals(List.of("0093-8548", "1552-3594"), r.extras(at(r, 1)).ids().get("issn"));
    }

    @Test
    void singleWorkWithoutAbstractIsOneTitleOnlyItem() throws Exception {
        ParseResult r = read(SINGLE);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of(), r.papers());
        assertEquals(List.of("no-abstract"), reasons(r));
        assertEquals(List.of(1), invalidPositions(r));
        assertTrue(r.invalid().get(0).excerpt().startsWith("{\"status\":\"ok\",\"message-type\":\"work\""),
                r.invalid().get(0).excerpt());
        assertNull(r.paging());
    }

    @Test
    void brokenWorkCostsOnlyItself() throws Exception {
        // the second work's DOI becomes a list: that work is bad-record, the three after it are still read
        String json = text(QUERY).replace("\"DOI\":\"10.1101/055319\"", "\"DOI\":[\"10.1101/055319\"]");
        ParseResult r = readText("broken.json", json);
        assertEquals(List.of("10.1002/ece3.2314", "10.1101/014852", "10.1177/2053951719836258"), dois(r));
        assertEquals(List.of("no-abstract", "bad-record"), reasons(r));
        assertEquals(List.of(1, 2), invalidPositions(r));
        InvalidItem bad = r.invalid().get(1);
        assertEquals("record 2: field 'DOI' is not text: ARRAY", bad.detail());
        assertTrue(bad.excerpt().startsWith("{\"institution\":[{\"name\":\"bioRxiv\"}]"), bad.excerpt());
    }

    @Test
    void documentCutShortKeepsTheWorksBeforeTheCut() throws Exception {
        String json = text(QUERY);
        String cut = json.substring(0, json.indexOf("To improve the quality and efficiency of research"));
        ParseResult r = readText("cut.json", cut);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of("10.1101/055319", "10.1002/ece3.2314", "10.1101/014852"), dois(r));
        assertEquals(List.of("no-abstract", "bad-json"), reasons(r));
        assertEquals(List.of(1, 5), invalidPositions(r));
        assertTrue(r.invalid().get(1).detail().startsWith("not well-formed JSON at line 1, column "),
                r.invalid().get(1).detail());
    }

    @Test
    void jatsMarkupBecomesPlainText() {
        assertEquals("Background We test H2O in vivo &amp; beyond.", TextNormalizer.clean(MarkupText.plain(
                "<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>We test "
                        + "<jats:italic>H</jats:italic><jats:sub>2</jats:sub>O</jats:p> <jats:p>in vivo &amp;amp; beyond."
                        + "</jats:p></jats:sec>")));
        assertEquals("Big Data & Society", MarkupText.plain("Big Data &amp; Society"));
        assertEquals("caf\u00e9 \u2013 x", MarkupText.plain("caf&#233; &#x2013; x"));
    }
}
