package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.XmlFeedTesting.FETCHED;
import static io.paperfeed.producer.parse.XmlFeedTesting.RSS;
import static io.paperfeed.producer.parse.XmlFeedTesting.assertPaper;
import static io.paperfeed.producer.parse.XmlFeedTesting.ids;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.read;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static io.paperfeed.producer.parse.XmlFeedTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** arXiv announcement feeds (rss.arxiv.org): the real Atom fixture, every announce type, RSS 2.0. */
class ArxivRssTest {

    static final String HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-us\">\n"
            + "  <id>http://rss.arxiv.org/atom/cs.LG</id>\n  <title>cs.LG updates on arXiv.org</title>\n";

    static String entry(String oaiId, String summary, String announceType, String... categories) {
        StringBuilder e = new StringBuilder("  <entry>\n    <id>oai:arXiv.org:" + oaiId + "</id>\n    <title>T " + oaiId
                + "</title>\n    <updated>2025-08-20T04:00:19.899254+00:00</updated>\n    <summary>" + summary + "</summary>\n");
        for (String c : categories) {
            e.append("    <category term=\"").append(c).append("\"/>\n");
        }
        return e.append("    <published>2025-08-20T00:00:00-04:00</published>\n    <arxiv:announce_type>").append(announceType)
                .append("</arxiv:announce_type>\n    <dc:creator>Ann Lee, Bo Chen</dc:creator>\n  </entry>\n").toString();
    }

    @Test
    void fixtureHasSevenEntries() throws Exception {
        ParseResult r = new FeedReader().read(RSS, FETCHED);
        assertEquals("arxiv-rss", r.format());
        assertEquals(List.of(), r.invalid());
        assertNull(r.paging());
        assertEquals(List.of("2508.13426", "2508.13428", "2508.13429", "2508.13434", "2508.13435", "2508.14001", "2508.14002"),
                ids(r));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), paperPositions(r));
        for (PaperEvent p : r.papers()) {
            assertEquals(1, p.version());
            assertNull(p.doi());
            assertNull(p.comment());
            assertEquals("2025-08-20T00:00:00-04:00", p.published());
            assertTrue(!p.abstractText().contains("Announce Type") && !p.abstractText().startsWith("Abstract"),
                    p.abstractText());
        }
    }

    @Test
    void crossListedEntryFieldByField() throws Exception {
        PaperEvent p = new FeedReader().read(RSS, FETCHED).papers().get(1);
        assertPaper(p, "2508.13428", 1, null, "Mitigating Easy Option Bias in Multiple-Choice Question Answering",
                "In this early study, we observe an Easy-Options Bias (EOB) issue in some multiple-choice Visual Question "
                        + "Answering (VQA) benchmarks such as MMStar, RealWorldQA, SEED-Bench, Next-QA, STAR benchmark and Video-MME. "
                        + "This bias allows vision-language models (VLMs) to select the correct answer using only the vision (V) and "
                        + "options (O) as inputs, without the need for the question (Q). Through grounding experiments, we attribute "
                        + "the bias to an imbalance in visual relevance: the correct answer typically aligns more closely with the "
                        + "visual contents than the negative options in feature space, creating a shortcut for VLMs to infer the "
                        + "answer via simply vision-option similarity matching. To fix this, we introduce GroundAttack, a toolkit "
                        + "that automatically generates hard negative options as visually plausible as the correct answer. We apply "
                        + "it to the NExT-QA and MMStar datasets, creating new EOB-free annotations. On these EOB-free annotations, "
                        + "current VLMs approach to random accuracies under (V+O) settings, and drop to non-saturated accuracies under "
                        + "(V+Q+O) settings, providing a more realistic evaluation of VLMs' QA ability. Codes and new annotations "
                        + "will be released soon.",
                List.of("Hao Zhang", "Chen Li", "Basura Fernando"), List.of("cs.CV", "cs.AI", "cs.MM"), null,
                "2025-08-20T00:00:00-04:00", "2025-08-20T04:00:19.899197+00:00", 2);
    }

    @Test
    void texAccentsInNamesAndLatexInAbstractsAreKeptAsGiven() throws Exception {
        List<PaperEvent> papers = new FeedReader().read(RSS, FETCHED).papers();
        PaperEvent alphaX = papers.get(2);
        assertEquals(List.of("Paulo Andr\\'e Lima de Castro"), alphaX.authors());
        assertEquals(List.of("q-fin.CP", "cs.AI"), alphaX.categories());
        assertEquals("AlphaX: An AI-Based Value Investing Strategy for the Brazilian Stock Market", alphaX.title());
        assertTrue(alphaX.abstractText().startsWith("Autonomous trading strategies have been a subject of research"));
        assertTrue(alphaX.abstractText().endsWith("comprehensive AI-based Value Investing framework in the future"));
        PaperEvent eventTsf = papers.get(3);
        assertTrue(eventTsf.abstractText().endsWith("higher forecasting accuracy and $1.13\\times$ faster training efficiency."));
        assertEquals(7, eventTsf.authors().size());
        assertPaper(papers.get(4), "2508.13435", 1, null,
                "SVDformer: Direction-Aware Spectral Graph Embedding Learning via SVD and Transformer",
                "Spectral graph embedding methods are widely used.", List.of("Some Author"), List.of("cs.LG", "cs.AI"), null,
                "2025-08-20T00:00:00-04:00", "2025-08-20T04:00:19.899011+00:00", 5);
        assertPaper(papers.get(6), "2508.14002", 1, null, "Reward Shaping in Multi-Agent Reinforcement Learning",
                "We study reward shaping techniques in cooperative multi-agent settings.", List.of("Carol White", "Dave Brown"),
                List.of("cs.AI", "cs.MA"), null, "2025-08-20T00:00:00-04:00", "2025-08-20T04:00:19.901000+00:00", 7);
    }

    @Test
    void everyAnnounceTypeGivesIdAndVersionFromThePrefix() throws Exception {
        String xml = HEAD
                + entry("2508.20001v1", "arXiv:2508.20001v1 Announce Type: new \nAbstract: A new paper.", "new", "cs.LG", "cs.AI")
                + entry("2508.20002v1", "arXiv:2508.20002v1 Announce Type: cross \nAbstract: A cross-list.", "cross", "cs.CV", "cs.LG")
                + entry("2401.00003v3", "arXiv:2401.00003v3 Announce Type: replace \nAbstract: A replaced\nversion with\n"
                        + "a hard-wrapped abstract, multi-\nlingual.", "replace", "cs.LG", "cs.LG")
                + entry("2401.00004v2", "arXiv:2401.00004 v2 Announce Type: replace-cross\nAbstract:A replaced cross-list.",
                        "replace-cross", "stat.ML", "cs.LG")
                + entry("hep-th/9709111v2", "arXiv:hep-th/9709111v2 Announce Type: replace \nAbstract: Old-style id.", "replace",
                        "hep-th")
                + "</feed>\n";
        ParseResult r = read("cs.LG.atom", xml);
        assertEquals("arxiv-rss", r.format());
        assertEquals(List.of(), r.invalid());
        assertEquals(List.of("2508.20001", "2508.20002", "2401.00003", "2401.00004", "hep-th/9709111"), ids(r));
        assertEquals(List.of(1, 1, 3, 2, 2), r.papers().stream().map(PaperEvent::version).toList());
        assertEquals(List.of("A new paper.", "A cross-list.", "A replaced version with a hard-wrapped abstract, multi-lingual.",
                "A replaced cross-list.", "Old-style id."), r.papers().stream().map(PaperEvent::abstractText).toList());
        assertEquals(List.of("cs.LG"), r.papers().get(2).categories(), "duplicates dropped");
        assertEquals(List.of("Ann Lee", "Bo Chen"), r.papers().get(0).authors());
    }

    @Test
    void summaryWithoutPrefixOrAbstractAndEntriesThatCannotBePapers() throws Exception {
        String xml = HEAD
                + entry("2508.20001v2", "A plain summary without the announcement prefix.", "new", "cs.LG")
                + entry("2508.20002v1", "arXiv:2508.20002v1 Announce Type: new \nAbstract: ", "new", "cs.LG")
                + entry("2508.20003v1", "arXiv:2508.2000 Announce Type: new \nAbstract: Id is none.", "new", "cs.LG")
                + entry("2508.20004v1", "arXiv:2508.20004v1 Announce Type: new \nAbstract: Fine.", "new", "cs.LG")
                + "</feed>\n";
        ParseResult r = read("cs.LG.atom", xml);
        assertEquals(List.of("2508.20001", "2508.20004"), ids(r));
        assertEquals(2, r.papers().get(0).version(), "id and version from <id> when the prefix is missing");
        assertEquals("A plain summary without the announcement prefix.", r.papers().get(0).abstractText());
        assertEquals(List.of("no-abstract", "bad-id"), reasons(r));
        assertEquals(List.of(2, 3), r.invalid().stream().map(i -> i.source().position()).toList());
    }

    @Test
    void rss2ChannelIsReadToo() throws Exception {
        String xml = "<?xml version='1.0' encoding='UTF-8'?>\n<rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" version=\"2.0\">\n  <channel>\n"
                + "    <title>cs.AI updates on arXiv.org</title>\n    <link>http://rss.arxiv.org/rss/cs.AI</link>\n"
                + "    <item>\n      <title>ALIGN: Word Association Learning</title>\n"
                + "      <link>https://arxiv.org/abs/2508.13426</link>\n"
                + "      <description>arXiv:2508.13426v1 Announce Type: cross \nAbstract: As large language models mediate.</description>\n"
                + "      <guid isPermaLink=\"false\">oai:arXiv.org:2508.13426v1</guid>\n"
                + "      <category>cs.CL</category>\n      <category>cs.AI</category>\n"
                + "      <pubDate>Wed, 20 Aug 2025 00:00:00 -0400</pubDate>\n"
                + "      <arxiv:announce_type>cross</arxiv:announce_type>\n"
                + "      <dc:creator>Chunhua Liu, Kabir Manandhar Shrestha</dc:creator>\n    </item>\n"
                + "    <item><title>Broken &amp entity</title><description>x</description></item>\n"
                + "    <item>\n      <title>Second</title>\n"
                + "      <description>arXiv:2508.13427v2 Announce Type: replace \nAbstract: Second abstract.</description>\n"
                + "      <category>cs.AI</category>\n    </item>\n  </channel>\n</rss>\n";
        ParseResult r = read("cs.AI.rss", xml);
        assertEquals("arxiv-rss", r.format());
        assertEquals(List.of("2508.13426", "2508.13427"), ids(r));
        assertEquals(List.of(1, 3), paperPositions(r));
        assertEquals(List.of("bad-xml"), reasons(r), "the broken item alone, and nothing after the resumed channel");
        PaperEvent p = r.papers().get(0);
        assertEquals("As large language models mediate.", p.abstractText());
        assertEquals(List.of("cs.CL", "cs.AI"), p.categories());
        assertEquals(List.of("Chunhua Liu", "Kabir Manandhar Shrestha"), p.authors());
        assertEquals("Wed, 20 Aug 2025 00:00:00 -0400", p.published());
        assertEquals(2, r.papers().get(1).version());
    }

    @Test
    void truncatedAnnouncementFeed() throws Exception {
        String full = text(RSS);
        ParseResult r = read("cut.atom", full.substring(0, full.indexOf("<title>EventTSF")));
        assertEquals("arxiv-rss", r.format());
        assertEquals(List.of("2508.13426", "2508.13428", "2508.13429"), ids(r));
        assertEquals(List.of("bad-xml"), reasons(r));
        assertEquals(4, r.invalid().get(0).source().position());
    }
}
