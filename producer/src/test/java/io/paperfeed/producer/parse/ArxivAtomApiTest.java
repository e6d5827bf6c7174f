package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.XmlFeedTesting.API;
import static io.paperfeed.producer.parse.XmlFeedTesting.FETCHED;
import static io.paperfeed.producer.parse.XmlFeedTesting.assertPaper;
import static io.paperfeed.producer.parse.XmlFeedTesting.ids;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.read;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static io.paperfeed.producer.parse.XmlFeedTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arXiv API's Atom responses: the real fixture field by field, API errors, broken and hostile XML. */
class ArxivAtomApiTest {

    static final String HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
            + " xmlns=\"http://www.w3.org/2005/Atom\">\n"
            + "  <id>https://arxiv.org/api/x</id>\n"
            + "  <opensearch:totalResults>3</opensearch:totalResults>\n";

    static String entry(String id, String summary) {
        return "  <entry>\n    <id>http://arxiv.org/abs/" + id + "</id>\n    <title>Paper " + id + "</title>\n"
                + "    <summary>" + summary + "</summary>\n    <author><name>A. Author</name></author>\n  </entry>\n";
    }

    @Test
    void fixtureHasTenEntriesAndItsPaging() throws Exception {
        ParseResult r = new FeedReader().read(API, FETCHED);
        assertEquals("arxiv-atom-api", r.format());
        assertEquals(List.of(), r.invalid());
        assertEquals(List.of("2202.12139", "2405.13786", "2005.14124", "2204.08348", "2302.03287", "1202.4527",
                "2503.05378", "1205.1866", "2502.07719", "1812.11470"), ids(r));
        assertEquals(List.of(1, 1, 2, 3, 3, 1, 2, 1, 2, 1), r.papers().stream().map(PaperEvent::version).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), paperPositions(r));
        assertEquals(new FeedPaging(214881L, 0L, 10L), r.paging());
        assertTrue(r.paging().hasMore());
        for (PaperEvent p : r.papers()) {
            assertEquals(API.toString(), p.source().source());
            assertEquals("arxiv-atom-api", p.source().format());
        }
    }

    @Test
    void firstEntryFieldByField() throws Exception {
        PaperEvent p = new FeedReader().read(API, FETCHED).papers().get(0);
        assertPaper(p, "2202.12139", 1, "10.1109/ICSTW55395.2022.00035",
                "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques",
                "Deep Learning (DL) has revolutionized the capabilities of vision-based systems (VBS) in critical applications "
                        + "such as autonomous driving, robotic surgery, critical infrastructure surveillance, air and maritime traffic "
                        + "control, etc. By analyzing images, voice, videos, or any type of complex signals, DL has considerably "
                        + "increased the situation awareness of these systems. At the same time, while relying more and more on trained "
                        + "DL models, the reliability and robustness of VBS have been challenged and it has become crucial to test "
                        + "thoroughly these models to assess their capabilities and potential errors. To discover faults in DL models, "
                        + "existing software testing methods have been adapted and refined accordingly. In this article, we provide an "
                        + "overview of these software testing methods, namely differential, metamorphic, mutation, and combinatorial "
                        + "testing, as well as adversarial perturbation testing and review some challenges in their deployment for "
                        + "boosting perception systems used in VBS. We also provide a first experimental comparative study on a "
                        + "classical benchmark used in VBS and discuss its results.",
                List.of("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"), List.of("cs.SE", "cs.LG"),
                "Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022",
                "2022-02-24T15:05:19Z", "2022-02-24T15:05:19Z", 1);
    }

    @Test
    void secondEntryHasItsDoubleEncodedNamesRepaired() throws Exception {
        PaperEvent p = new FeedReader().read(API, FETCHED).papers().get(1);
        assertEquals(List.of("Aurora Ram\u00edrez", "Mario Berrios", "Jos\u00e9 Ra\u00fal Romero", "Robert Feldt"), p.authors());
        assertEquals("Towards Explainable Test Case Prioritisation with Learning-to-Rank Models", p.title());
        assertEquals("10.1109/ICSTW58534.2023.00023", p.doi());
        assertEquals(List.of("cs.SE", "cs.AI"), p.categories());
        assertEquals("3rd International Workshop on Artificial Intelligence in Software Testing (AIST) - International "
                + "Conference on Software Testing and Validation (ICST)", p.comment());
        assertEquals("2024-05-22T16:11:45Z", p.published());
        assertTrue(p.abstractText().startsWith("Test case prioritisation (TCP) is a critical task in regression testing"));
        assertTrue(p.abstractText().endsWith("but also on the relative ranks."));
    }

    @Test
    void entriesWithoutDoiWithEscapesAndWithParagraphs() throws Exception {
        List<PaperEvent> papers = new FeedReader().read(API, FETCHED).papers();
        PaperEvent chatgpt = papers.get(4);
        assertEquals("ChatGPT and Software Testing Education: Promises & Perils", chatgpt.title());
        assertEquals(List.of("cs.SE", "cs.HC"), chatgpt.categories());
        assertEquals("2023-02-07T06:41:02Z", chatgpt.published());
        assertEquals("2023-03-11T21:03:09Z", chatgpt.updated());
        assertTrue(chatgpt.abstractText().contains("general purpose \"large language models\", based on"));

        assertPaper(papers.get(5), "1202.4527", 1, null, "Study Paper on Test Case generation for GUI Based Testing",
                papers.get(5).abstractText(), List.of("A. Isabella", "Emi Retna"), List.of("cs.SE"),
                "GUI Testing, Test case generation", "2012-02-21T05:12:13Z", "2012-02-21T05:12:13Z", 6);
        assertTrue(papers.get(5).abstractText().endsWith("process for various GUI based software applications."));

        PaperEvent review = papers.get(9);
        assertEquals("A Systematic Literature Review of Automated Techniques for Functional GUI Testing of Mobile Applications",
                review.title());
        assertEquals(List.of("Yauhen Leanidavich Arnatovich", "Lipo Wang"), review.authors());
        assertEquals(List.of("cs.SE"), review.categories(), "primary and other category are the same: listed once");
        assertNull(review.doi());
        assertEquals("GUI testing, Functional testing, Model-based, Mobile, Systematic literature review", review.comment());
        assertTrue(review.abstractText().contains("community as a whole. Objective. In this systematic review"),
                "paragraph breaks joined with one space");
        assertTrue(review.abstractText().endsWith("current automated testing techniques are not efficient enough."));
        assertFalse(review.abstractText().contains("  "));
    }

    @Test
    void apiErrorEntryIsAnInvalidItem() throws Exception {
        String xml = HEAD + "  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234</id>\n"
                + "    <title>Error</title>\n    <summary>incorrect id format for 1234.1234</summary>\n"
                + "    <updated>2026-04-12T00:00:00-04:00</updated>\n    <link href=\"http://arxiv.org/api/errors#x\" rel=\"alternate\""
                + " type=\"text/html\"/>\n    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n";
        ParseResult r = read("api/query?id_list=1234.1234", xml);
        assertEquals("arxiv-atom-api", r.format());
        assertEquals(List.of(), r.papers());
        assertEquals(List.of("api-error"), reasons(r));
        InvalidItem error = r.invalid().get(0);
        assertEquals("the arXiv API answered with an error: incorrect id format for 1234.1234", error.detail());
        assertEquals(1, error.source().position());
        assertTrue(error.excerpt().contains("api/errors#incorrect_id_format_for_1234.1234"), error.excerpt());
    }

    @Test
    void brokenEntryCostsOnlyItself() throws Exception {
        // an unescaped & in the third entry: that entry is bad-xml, the seven after it are still read
        String xml = text(API).replace("countermeasures for securing them.", "countermeasures & securing them.");
        ParseResult r = read("broken.xml", xml);
        assertEquals(9, r.papers().size());
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8, 9, 10), paperPositions(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        InvalidItem bad = r.invalid().get(0);
        assertEquals(3, bad.source().position());
        assertTrue(bad.detail().startsWith("entry 3 (line 63): not well-formed XML at line 69, column "), bad.detail());
        assertTrue(bad.excerpt().contains("<id>http://arxiv.org/abs/2005.14124v2</id>"), bad.excerpt());
        assertEquals("2204.08348", r.papers().get(2).arxivId());
        assertEquals(new FeedPaging(214881L, 0L, 10L), r.paging());
    }

    @Test
    void entryLeftOpenAndMismatchedTags() throws Exception {
        String xml = HEAD + entry("2501.00001v1", "First.").replace("  </entry>\n", "")
                + entry("2501.00002v1", "Second <b>bold</i> text.") + entry("2501.00003v1", "Third.") + "</feed>\n";
        ParseResult r = read("open.xml", xml);
        assertEquals(List.of("2501.00003"), ids(r));
        assertEquals(List.of(3), paperPositions(r));
        assertEquals(List.of("bad-xml", "bad-xml"), reasons(r));
        assertEquals(List.of(1, 2), invalidPositions(r));
        assertTrue(r.invalid().get(0).detail().contains("not closed before the next one"), r.invalid().get(0).detail());
    }

    @Test
    void truncatedFeedKeepsTheEntriesBeforeTheCut() throws Exception {
        String full = text(API);
        String cut = full.substring(0, full.indexOf("Modern web services routinely"));
        ParseResult r = read("cut.xml", cut);
        assertEquals("arxiv-atom-api", r.format());
        assertEquals(List.of("2202.12139", "2405.13786", "2005.14124"), ids(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        assertEquals(List.of(4), invalidPositions(r));

        // cut after the last entry: every entry read, one bad-xml after them for the missing end
        ParseResult tail = read("tail.xml", full.substring(0, full.lastIndexOf("</feed>")));
        assertEquals(10, tail.papers().size());
        assertEquals(List.of("bad-xml"), reasons(tail));
        assertEquals(List.of(11), invalidPositions(tail));
    }

    @Test
    void junkAfterTheFeedAndABrokenHeaderAreOneItemEach() throws Exception {
        ParseResult junk = read("junk.xml", text(API) + "\n<html>not part of the feed</html>\n");
        assertEquals(10, junk.papers().size());
        assertEquals(List.of("bad-xml"), reasons(junk));
        assertEquals(List.of(11), invalidPositions(junk));

        String header = text(API).replace("<opensearch:startIndex>0</opensearch:startIndex>",
                "<opensearch:startIndex>0</opensearch:startindex>");
        ParseResult broken = read("header.xml", header);
        assertEquals(10, broken.papers().size(), "entries after a broken header are still read");
        assertEquals(List.of("bad-xml"), reasons(broken));
        assertEquals(List.of(11), invalidPositions(broken));
        assertEquals(214881L, broken.paging().totalResults());
    }

    @Test
    void noXmlAtAllIsOneInvalidItemForTheFile() throws Exception {
        ParseResult r = read("arxiv-atom-api", "notes.txt", "These are not the papers you are looking for.\n");
        assertEquals(List.of(), r.papers());
        assertEquals(List.of("bad-xml"), reasons(r));
        InvalidItem item = r.invalid().get(0);
        assertEquals(1, item.source().position());
        assertEquals("not well-formed XML at line 1, column 1: Content is not allowed in prolog.", item.detail());
        assertTrue(item.excerpt().startsWith("These are not the papers"));

        ParseResult html = read("arxiv-atom-api", "page.html", "<html><body><entry>x</entry></body></html>");
        assertEquals(List.of("unrecognised"), reasons(html));
        ParseResult empty = read("arxiv-atom-api", "empty.xml", "");
        assertEquals(List.of("bad-xml"), reasons(empty));
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + HEAD.substring(HEAD.indexOf("<feed")) + entry("2501.00001v1", "Leak: &xxe;") + "</feed>\n";
        for (ParseResult r : List.of(read("xxe.xml", xxe), read("arxiv-atom-api", "xxe.xml", xxe),
                read("arxiv-rss", "xxe.xml", xxe))) {
            assertEquals(List.of(), r.papers());
            assertEquals(List.of("bad-xml"), reasons(r));
            InvalidItem item = r.invalid().get(0);
            assertTrue(item.detail().contains("DOCTYPE"), item.detail());
            assertFalse(item.detail().contains("root:") || item.excerpt().contains("root:x:0:0"), "no file content");
        }
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
                + HEAD.substring(HEAD.indexOf("<feed")) + entry("2501.00001v1", "&lol2;") + "</feed>\n";
        assertEquals(List.of("bad-xml"), reasons(read("arxiv-atom-api", "lol.xml", laughs)));
        // an undeclared entity without a DOCTYPE is just broken XML
        ParseResult undeclared = read("u.xml", HEAD + entry("2501.00001v1", "&xxe;") + entry("2501.00002v1", "Fine.") + "</feed>");
        assertEquals(List.of("2501.00002"), ids(undeclared));
        assertEquals(List.of("bad-xml"), reasons(undeclared));
    }

    @Test
    void entriesWithoutAbstractOrWithBadIdsOrOversizeFields() throws Exception {
        String xml = HEAD
                + "  <entry>\n    <id>http://arxiv.org/abs/2501.00001v1</id>\n    <title>No summary</title>\n  </entry>\n"
                + entry("2501.0001v1", "An id that is none.")
                + entry("2501.00003v2", "x".repeat(FeedReader.MAX_ABSTRACT_CHARS + 1))
                + entry("2501.00004v1", "y ".repeat(XmlFeedStream.MAX_RAW_FIELD_CHARS))
                + entry("2501.00005v1", "Fine.").replace("<title>Paper 2501.00005v1", "<title>" + "t".repeat(20_000))
                + entry("2501.00006v1", "Also fine.")
                + "</feed>\n";
        ParseResult r = read("mixed.xml", xml);
        assertEquals(List.of("2501.00006"), ids(r));
        assertEquals(List.of(6), paperPositions(r));
        assertEquals(List.of("no-abstract", "bad-id", "abstract-too-long", "abstract-too-long", "field-too-long"), reasons(r));
        assertEquals(List.of(1, 2, 3, 4, 5), invalidPositions(r));
    }

    @Test
    void entriesPastTheLimitAreOneInvalidItem() throws Exception {
        StringBuilder xml = new StringBuilder(HEAD);
        for (int i = 0; i <= FeedReader.MAX_ITEMS; i++) {
            xml.append("<entry><summary>s</summary></entry>\n");
        }
        ParseResult r = read("huge.xml", xml.append("</feed>").toString());
        assertEquals(FeedReader.MAX_ITEMS, r.papers().size());
        assertEquals(List.of("too-many-items"), reasons(r));
        assertEquals(List.of(FeedReader.MAX_ITEMS + 1), invalidPositions(r));
    }

    @Test
    void oldApiLayoutWithoutRootNamespacesIsDetected() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + "  <link href=\"http://arxiv.org/api/query?search_query%3Dall%3Aelectron\" rel=\"self\"/>\n"
                + "  <opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">1</opensearch:totalResults>\n"
                + "  <entry>\n    <id>http://arxiv.org/abs/hep-ex/0307015v1</id>\n"
                + "    <summary>  Multi-electron production is studied at high transverse momentum in\npositron- and\n"
                + "electron-proton collisions using the H1 detector.\n</summary>\n"
                + "    <author>\n      <name>H1 Collaboration</name>\n      <arxiv:affiliation xmlns:arxiv=\"http://arxiv.org/schemas/atom\">"
                + "DESY</arxiv:affiliation>\n    </author>\n"
                + "    <arxiv:journal_ref xmlns:arxiv=\"http://arxiv.org/schemas/atom\">Eur.Phys.J. C31 (2003) 17-29</arxiv:journal_ref>\n"
                + "    <link title=\"doi\" href=\"https://doi.org/10.1140/epjc/s2003-01326-x\" rel=\"related\"/>\n"
                + "    <arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"hep-ex\"/>\n"
                + "    <category term=\"hep-ex\"/>\n  </entry>\n</feed>\n";
        ParseResult r = read("old-api.xml", xml);
        assertEquals("arxiv-atom-api", r.format());
        PaperEvent p = r.papers().get(0);
        assertEquals("hep-ex/0307015", p.arxivId());
        assertEquals(1, p.version());
        assertEquals("Multi-electron production is studied at high transverse momentum in positron- and "
                + "electron-proton collisions using the H1 detector.", p.abstractText());
        assertEquals(List.of("H1 Collaboration"), p.authors());
        assertEquals(List.of("hep-ex"), p.categories());
        assertEquals("10.1140/epjc/s2003-01326-x", p.doi(), "DOI from the doi link when arxiv:doi is absent");
        assertNull(p.title());
        assertNull(p.published());
        assertEquals(new FeedPaging(1L, null, null), r.paging());
    }
}
