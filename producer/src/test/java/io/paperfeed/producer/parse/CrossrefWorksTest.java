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
        assertEquals(List.of("10.1111/ele.14024", "10.1111/ele.13085", "10.1007/s12080-020-00477-4", "10.1101/055319",
                "10.1111/2041-210x.14013"), dois(r));
        assertEquals(List.of(1, 2, 3, 4, 5), paperPositions(r));
        assertEquals(List.of(), reasons(r), "a work without abstract is a title-only sighting");
        PaperEvent titleOnly = at(r, 3);
        assertNull(titleOnly.abstractText());
        assertEquals("Ecological management of stochastic systems with long transients", titleOnly.title());
        assertEquals(io.paperfeed.model.PaperStatus.PUBLISHED, titleOnly.status(), "a journal-article");
        assertEquals(io.paperfeed.model.PaperStatus.PREPRINT, at(r, 4).status(), "bioRxiv's posted-content");
        assertEquals("Theoretical Ecology", titleOnly.venue());
        assertEquals(new FeedPaging(1155L, 0L, 20L, null), r.paging());
        assertEquals(20L, r.paging().nextStartIndex());
    }

    @Test
    void postedContentFieldByField() throws Exception {
        PaperEvent p = at(read(QUERY), 4);
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
        assertEquals(List.of("http://dx.doi.org/10.1101/055319", "https://syndication.highwire.org/content/doi/10.1101/055319"),
                p.links());
    }

    @Test
    void journalArticlesCarryIssnVenueAndRelations() throws Exception {
        ParseResult r = read(QUERY);
        PaperEvent article = at(r, 5);
        assertEquals("10.1111/2041-210x.14013", article.doi());
        assertEquals("Limits to ecological forecasting: Estimating uncertainty for critical transitions with deep learning",
                article.title());
        assertEquals(List.of("Marcus Lapeyrolerie", "Carl Boettiger"), article.authors());
        assertEquals("2022-11-10", article.published());
        assertEquals("Methods in Ecology and Evolution", article.comment());
        assertTrue(article.abstractText().startsWith("In the current age of a rapidly changing environment, it is becoming "
                + "increasingly important to study critical transitions"), article.abstractText());
        assertTrue(article.abstractText().contains("transitions. Our analysis focuses"), "JATS list items become sentences: "
                + article.abstractText());
        PaperExtras extras = r.extras(article);
        assertEquals(Map.of("issn", List.of("2041-210X")), extras.ids(), "repeated ISSNs once");
        assertEquals(6, extras.relations().size());
        assertEquals(new PaperExtras.Relation("has-review", "doi", "10.1111/2041-210X.14013/v1/review1"),
                extras.relations().get(0));
        assertEquals("Methods in Ecology and Evolution", extras.venue());

        PaperEvent forecastTrap = at(r, 1);
        assertEquals(List.of("1461-023X", "1461-0248"), r.extras(forecastTrap).ids().get("issn"));
        assertEquals(15, r.extras(forecastTrap).relations().size(), "every has-review relation");
        assertEquals("2022-05-30", forecastTrap.published(), "published before published-print");
        assertTrue(at(r, 2).abstractText().contains("the familiar refrain of \u201ceverything is important\u201d "
                + "(Bj\u00f8rnstad & Grenfell). Stochastic"), "entities decoded, an empty ext-link element dropped: "
                + at(r, 2).abstractText());
    }

    @Test
    void cursorPageGivesTheNextCursorAndItsTitleOnlyWorks() throws Exception {
        ParseResult r = read(CURSOR);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of(1, 2, 3), paperPositions(r), "three title-only works (none has an abstract)");
        assertTrue(r.papers().stream().allMatch(p -> p.abstractText() == null));
        assertEquals(List.of(), reasons(r));
        assertTrue(r.paging().nextCursor().startsWith("DnF1ZXJ5VGhlbkZldGNoBgAAAAAQYsUXFmwwTF9ZaHF6VGlTa19k"));
        assertEquals(368301L, r.paging().totalResults());
        assertEquals(30L, r.paging().itemsPerPage());
        assertEquals(0L, r.paging().startIndex());
        assertTrue(r.paging().hasMore());
        PaperEvent third = at(r, 3);
        assertEquals("Increasing Daytime Stability Enhances Downslope Moisture Transport in the Subcanopy of an Even-aged "
                + "Conifer Forest in Western Oregon, USA", third.title());
        assertEquals("10.1002/essoar.10508594.1", third.doi());
        assertEquals(io.paperfeed.model.PaperStatus.PREPRINT, third.status(), "ESSOAr's posted-content");
    }

    @Test
    void cursorPageWithAnAbstractAddedIsReadFieldByField() throws Exception {
        // the real posted content of the cursor page, given an abstract: its server, group title and date are read
        String json = text(CURSOR).replace("\"DOI\":\"10.1002/essoar.10508594.1\"",
                "\"abstract\":\"<jats:p>Stability matters.</jats:p>\",\"DOI\":\"10.1002/essoar.10508594.1\"");
        PaperEvent p = at(readText("abstract.json", json), 3);
        assertEquals("10.1002/essoar.10508594.1", p.doi());
        assertEquals("Stability matters.", p.abstractText());
        assertEquals("Earth and Space Science Open Archive", p.comment(), "the institution of a posted content");
        assertEquals(List.of("Atmospheric Sciences"), p.categories());
        assertEquals("2021-11-04", p.published());
        assertEquals(6, p.authors().size());
        assertEquals("Holly Jayne Oldroyd", p.authors().get(3));
    }

    @Test
    void singleWorkWithoutAbstractIsOneTitleOnlyItem() throws Exception {
        ParseResult r = read(SINGLE);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of(), reasons(r));
        PaperEvent work = at(r, 1);
        assertNull(work.abstractText());
        assertEquals(List.of("10.3389/fgene.2017.00147", "10.1101/171108"), work.dois(), "its own and its preprint's");
        assertEquals(List.of(new io.paperfeed.model.Relation("has-preprint", "doi", "10.1101/171108")), work.relations());
        assertEquals(io.paperfeed.model.PaperStatus.PUBLISHED, work.status());
        assertEquals("10.3389/fgene.2017.00147", work.publicationDoi());
        assertNull(r.paging());
    }

    @Test
    void brokenWorkCostsOnlyItself() throws Exception {
        // the fourth work's DOI becomes a list: that work is bad-record, the ones around it are still read
        String json = text(QUERY).replace("\"DOI\":\"10.1101/055319\"", "\"DOI\":[\"10.1101/055319\"]");
        ParseResult r = readText("broken.json", json);
        assertEquals(List.of("10.1111/ele.14024", "10.1111/ele.13085", "10.1007/s12080-020-00477-4",
                "10.1111/2041-210x.14013"), dois(r));
        assertEquals(List.of("bad-record"), reasons(r));
        assertEquals(List.of(4), invalidPositions(r));
        InvalidItem bad = r.invalid().get(0);
        assertEquals("record 4: field 'DOI' is not text: ARRAY", bad.detail());
        assertTrue(bad.excerpt().startsWith("{\"institution\":[{\"name\":\"bioRxiv\"}]"), bad.excerpt());
    }

    @Test
    void documentCutShortKeepsTheWorksBeforeTheCut() throws Exception {
        String json = text(QUERY);
        String cut = json.substring(0, json.indexOf("Our analysis focuses on three"));
        ParseResult r = readText("cut.json", cut);
        assertEquals("crossref-works", r.format());
        assertEquals(List.of("10.1111/ele.14024", "10.1111/ele.13085", "10.1007/s12080-020-00477-4", "10.1101/055319"),
                dois(r));
        assertEquals(List.of("bad-json"), reasons(r));
        assertEquals(List.of(5), invalidPositions(r));
        assertTrue(r.invalid().get(0).detail().startsWith("not well-formed JSON at line 1, column "),
                r.invalid().get(0).detail());
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
