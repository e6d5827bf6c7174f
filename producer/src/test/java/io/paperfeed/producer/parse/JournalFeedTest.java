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

/** Journal tables of contents: Elsevier's RSS 1.0 with PRISM, Wiley's and ScienceDirect's RSS 2.0, real and broken. */
class JournalFeedTest {

    static final String RSS1 = "rss1-elsevier-jpeds.xml";
    static final String WILEY = "rss2-wiley-adsc.xml";
    static final String SCIENCE_DIRECT = "rss2-sciencedirect-clinical-simulation.xml";

    @Test
    void rss1ItemWithDublinCoreAndPrismFieldByField() throws Exception {
        ParseResult r = read(RSS1);
        assertEquals("journal-rss", r.format());
        assertEquals(List.of(), r.invalid());
        PaperEvent p = at(r, 1);
        assertEquals("10.1016/j.jpeds.2018.08.009", p.doi(), "dc:identifier");
        assertNull(p.arxivId());
        assertEquals("HIV Exposure and Formula Feeding Predict Under-2 Mortality in HIV-Uninfected Children, Botswana",
                p.title());
        assertEquals("To prospectively assess rates and detailed predictors of morbidity and mortality among HIV-exposed "
                + "uninfected children and HIV-unexposed children in Botswana in a more recent era.", p.abstractText());
        assertEquals(13, p.authors().size(), "one dc:creator split at commas");
        assertEquals(List.of("Gbolahan Ajibola", "Jean Leidner", "Gloria K. Mayondi"), p.authors().subList(0, 3));
        assertEquals("Shahin Lockman", p.authors().get(12));
        assertEquals("2018-10-11", p.published());
        assertEquals("The Journal of Pediatrics", p.comment());
        assertEquals(List.of(), p.categories(), "prism:section is an article type");
        assertEquals(List.of("https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext?rss=yes"), p.links());
        assertEquals("The Journal of Pediatrics", r.extras(p).venue());
        assertNull(r.paging());
    }

    @Test
    void wileyItemsFieldByField() throws Exception {
        ParseResult r = read(WILEY);
        assertEquals("journal-rss", r.format());
        assertEquals(List.of("10.1002/adsc.202400793", "10.1002/adsc.202400311", "10.1002/adsc.202400616",
                "10.1002/adsc.202400533"), dois(r));
        assertEquals(List.of(), r.invalid());
        PaperEvent first = at(r, 1);
        assertEquals("Stereoselective Construction of Trisubstituted 1,3\u2010Enynes via Aryl to Vinyl 1,4\u2010Palladium "
                + "Migration", first.title(), "the escaped <i> markup of the title goes");
        assertTrue(first.abstractText().startsWith("Palladium\u2010catalyzed stereoselective olefinic C\u2013H alkynylation"),
                "dc:description, not the status line of <description>: " + first.abstractText());
        assertTrue(first.abstractText().contains("presence of 2\u2010FC6H4OH additive."), first.abstractText());
        assertEquals(List.of("Jie Lin", "Juan Ma", "Liandi Wang", "Ping Wu", "Kaikai Wu", "Yong-Gui Zhou", "Zhengkun Yu"),
                first.authors(), "a dc:creator of one name per line, comma-ended");
        assertEquals("2024-08-01T07:45:41-07:00", first.published(), "dc:date before pubDate");
        assertEquals("Advanced Synthesis & Catalysis", first.comment(), "the item's prism:publicationName");
        assertEquals(List.of(), first.categories(), "the category only repeats prism:section");
        assertEquals(List.of("https://onlinelibrary.wiley.com/doi/10.1002/adsc.202400793"), first.links());

        PaperEvent second = at(r, 2);
        assertTrue(second.abstractText().startsWith("Sulfonyl chlorides are a synthetically attractive source"),
                "the leading 'Abstract' line goes: " + second.abstractText());
        assertEquals(List.of("Nejc Petek", "Helena Brodnik", "Uro\u0161 Gro\u0161elj", "Jurij Svete", "Bogdan \u0160tefane"),
                second.authors());
    }

    @Test
    void contentEncodedStandsInAndAStatusLineIsNoAbstract() throws Exception {
        String xml = text(WILEY);
        int from = xml.indexOf("<dc:description>Palladium");
        String withoutDc = xml.substring(0, from) + xml.substring(xml.indexOf("</dc:description>", from) + 17);
        PaperEvent p = at(readText("no-dc-description.xml", withoutDc), 1);
        assertTrue(p.abstractText().startsWith("Palladium-catalyzed stereoselective"), "content:encoded: " + p.abstractText());
        assertFalse(p.abstractText().contains("<"), p.abstractText());

        int content = withoutDc.indexOf("<content:encoded>");
        String statusOnly = withoutDc.substring(0, content)
                + withoutDc.substring(withoutDc.indexOf("</content:encoded>", content) + 18);
        ParseResult r = readText("status-only.xml", statusOnly);
        assertEquals(List.of(1, 2, 3, 4), paperPositions(r));
        assertEquals(List.of(), reasons(r));
        assertNull(at(r, 1).abstractText(), "'…, Accepted Article.' is no abstract: a title-only sighting");
        assertEquals("10.1002/adsc.202400793", at(r, 1).doi());
    }

    @Test
    void doiFromGuidOrLinkWhenThePrismAndDcOnesAreMissing() throws Exception {
        String xml = text(WILEY).replace("<prism:doi>10.1002/adsc.202400793</prism:doi>", "")
                .replace("<dc:identifier>10.1002/adsc.202400793</dc:identifier>", "");
        assertEquals("10.1002/adsc.202400793", at(readText("guid.xml", xml), 1).doi());
        String noGuid = xml.replace("<guid isPermaLink=\"false\">10.1002/adsc.202400793</guid>", "")
                .replace("<prism:url>https://onlinelibrary.wiley.com/doi/10.1002/adsc.202400793</prism:url>", "");
        assertEquals("10.1002/adsc.202400793", at(readText("link.xml", noGuid), 1).doi(), "from the /doi/ link");
    }

    @Test
    void scienceDirectItemIsATitleOnlySighting() throws Exception {
        ParseResult r = read(SCIENCE_DIRECT);
        assertEquals("journal-rss", r.format());
        assertEquals(List.of(), reasons(r));
        PaperEvent item = at(r, 1);
        assertNull(item.abstractText(), "its description is metadata, not an abstract");
        assertEquals("Improving Safety of Patients With Autism Spectrum Disorder Through Simulation", item.title());
        assertEquals(List.of("Constance E. McIntosh", "Cynthia M. Thomas"), item.authors());
        assertEquals(io.paperfeed.model.PaperStatus.PUBLISHED, item.status());
    }

    @Test
    void scienceDirectMetadataGivesDateJournalAndAuthors() throws Exception {
        String xml = text(SCIENCE_DIRECT);
        String description = xml.substring(xml.indexOf("<![CDATA[<p>Publication date") + 9, xml.indexOf("]]>\n      </description>"));
        JournalText.Metadata m = JournalText.metadata(JournalText.plain(description)).orElseThrow();
        assertEquals("August 2020", m.date());
        assertEquals("Clinical Simulation in Nursing, Volume 45", m.source());
        assertEquals("Clinical Simulation in Nursing", m.journal());
        assertEquals("Constance E. McIntosh, Cynthia M. Thomas", m.authors());

        // given an abstract, the item is a paper with the metadata's date, journal and authors and the PII
        String withAbstract = xml.replace("<link>https://www.sciencedirect",
                "<dc:description>Simulation improves safety.</dc:description><link>https://www.sciencedirect");
        PaperEvent p = readText("abstract.xml", withAbstract).papers().get(0);
        assertEquals("Simulation improves safety.", p.abstractText());
        assertEquals(List.of("Constance E. McIntosh", "Cynthia M. Thomas"), p.authors());
        assertEquals("August 2020", p.published());
        assertEquals("Clinical Simulation in Nursing", p.comment());
        ParseResult r = readText("abstract.xml", withAbstract);
        assertEquals(Map.of("pii", List.of("S1876139919302452")), r.extras(r.papers().get(0)).ids());
    }

    @Test
    void brokenItemCostsOnlyItself() throws Exception {
        String xml = text(WILEY).replace("<category>Communication</category>\n         <dc:title>Access",
                "<category>Communication</dc:title>\n         <dc:title>Access");
        ParseResult r = readText("broken.xml", xml);
        assertEquals("journal-rss", r.format());
        assertEquals(List.of(1, 3, 4), paperPositions(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        assertEquals(List.of(2), invalidPositions(r));
        assertTrue(r.invalid().get(0).detail().startsWith("entry 2 (line "), r.invalid().get(0).detail());
    }

    @Test
    void feedCutShortKeepsTheItemsBeforeTheCut() throws Exception {
        String xml = text(WILEY);
        ParseResult r = readText("cut.xml", xml.substring(0, xml.indexOf("4&#8208;Aminobenzotriazole (ABTA) Directed")));
        assertEquals(List.of(1, 2), paperPositions(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        assertEquals(List.of(3), invalidPositions(r));
    }

    @Test
    void arxivFeedsAreNotJournalFeeds() throws Exception {
        assertEquals(List.of("arxiv-rss"), FormatDetector.allMatching(FeedText.of(XmlFeedTesting.text(XmlFeedTesting.RSS))));
        String rss2 = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>cs.AI updates on arXiv.org</title>"
                + "<link>http://rss.arxiv.org/rss/cs.AI</link>";
        assertFalse(new JournalFeedFormat().matches(FeedText.of(rss2)));
    }

    @Test
    void identifiersAndUrlsNameTheirDois() {
        assertEquals("10.1371/journal.pone.0000008", JournalText.doi("info:doi/10.1371/journal.pone.0000008"));
        assertEquals("10.1038/s41929-026-01535-6", JournalText.doi("doi:10.1038/s41929-026-01535-6"));
        assertEquals("10.1016/j.jpeds.2018.08.009", JournalText.doi("https://doi.org/10.1016/j.jpeds.2018.08.009"));
        assertNull(JournalText.doi("https://www.sciencedirect.com/science/article/pii/S1876139919302452"));
        assertEquals("10.1002/adsc.202400793", JournalText.doiInUrl("https://onlinelibrary.wiley.com/doi/abs/10.1002/adsc.202400793?af=R"));
        assertNull(JournalText.doiInUrl("https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext?rss=yes"));
        assertTrue(JournalText.isStatusLine("Advanced Synthesis &Catalysis, EarlyView. "));
        assertFalse(JournalText.isStatusLine("We accepted the article, early. Then it was viewed."));
    }
}
