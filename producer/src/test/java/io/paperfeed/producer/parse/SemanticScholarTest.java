package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Semantic Scholar Graph API responses: one paper, a search page, a bulk search page and a batch, real and broken. */
class SemanticScholarTest {

    static final String PAPER = "s2-paper-turing.json";
    static final String SEARCH = "s2-search-turing.json";
    static final String BULK = "s2-search-bulk-kubernetes.json";
    static final String BATCH = "s2-paper-batch-authors.json";

    @Test
    void singlePaperFieldByFieldWithItsIds() throws Exception {
        ParseResult r = read(PAPER);
        assertEquals("semantic-scholar", r.format());
        assertEquals(List.of(), r.invalid());
        PaperEvent p = r.papers().get(0);
        assertEquals(1, p.source().position());
        assertEquals("10.1093/MIND/LIX.236.433", p.doi());
        assertNull(p.arxivId());
        assertEquals("Computing Machinery and Intelligence", p.title());
        assertTrue(p.abstractText().startsWith("I propose to consider the question, \u201cCan machines think?\u201d\u2663"));
        assertTrue(p.abstractText().endsWith("is to be sought in a statistical survey such as a Gallup poll."));
        assertEquals(List.of("A. Turing"), p.authors());
        assertEquals(List.of("Computer Science", "Sociology"), p.categories());
        assertEquals("1950-10-01", p.published());
        assertEquals("The Philosophy of Artificial Intelligence", p.comment());
        assertEquals(List.of("https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad"), p.links());
        assertEquals(Map.of("s2", List.of("2d5673caa9e6af3a7b82a43f19ee920992db07ad"), "mag", List.of("2145482038"),
                "dblp", List.of("journals/x/Turing50"), "corpus-id", List.of("14636783")), r.extras(p).ids());
        assertNull(r.paging(), "a single paper has no paging");
    }

    @Test
    void searchPageIsThreeTitleOnlySightingsAndItsOffsets() throws Exception {
        ParseResult r = read(SEARCH);
        assertEquals("semantic-scholar", r.format());
        assertEquals(List.of(), r.papers(), "the request asked for titles only");
        assertEquals(List.of("no-abstract", "no-abstract", "no-abstract"), reasons(r));
        assertEquals(List.of(1, 2, 3), invalidPositions(r));
        assertTrue(r.invalid().get(1).detail().contains(
                "title 'Quantum theory, the Church\u2013Turing principle and the universal quantum computer'"));
        assertEquals(new FeedPaging(70499L, 0L, 100L, null), r.paging());
        assertEquals(100L, r.paging().nextStartIndex());
    }

    @Test
    void bulkPageGivesItsTokenAsTheNextCursorAndItsPapers() throws Exception {
        ParseResult r = read(BULK);
        assertEquals("semantic-scholar", r.format());
        assertEquals(List.of(1, 2), XmlFeedTesting.paperPositions(r));
        assertEquals(List.of(3), invalidPositions(r), "'Security' has no abstract");
        assertEquals(new FeedPaging(2463L, null, null, "PCOKWVSKJJGM4TWNJNI3EUSQJIWVNUSRKBFEYK2JFUBHFI4VZRGE2LCTKLGM3EUNZUGY3UYMQA6AXU"
                + "YU2M2DHM2UKPFRIY4T4QKKHNBUWMSHGU5F3BNAB2IQCQUA"), r.paging());
        assertTrue(r.paging().hasMore());
        PaperEvent sensors = r.papers().get(0);
        assertEquals("Kubernetes Cluster for Automating Software Production Environment", sensors.title());
        assertEquals("10.3390/s21051910", sensors.doi());
        assertEquals(List.of("A. Poniszewska-Mara\u0144da", "E. Czechowska"), sensors.authors());
        assertEquals("2021-03-01", sensors.published());
        assertEquals("Italian National Conference on Sensors", sensors.comment());
        assertEquals(List.of("https://www.semanticscholar.org/paper/0018ce3db8f9957b520d6b7e0cec84abfa230e1c",
                "https://www.mdpi.com/1424-8220/21/5/1910/pdf?version=1615350002"), sensors.links());
        assertEquals(Map.of("s2", List.of("0018ce3db8f9957b520d6b7e0cec84abfa230e1c"), "pmid", List.of("33803329"),
                "pmcid", List.of("7967216"), "dblp", List.of("journals/sensors/Poniszewska-Maranda21"),
                "corpus-id", List.of("232294416")), r.extras(sensors).ids());
        PaperEvent storage = r.papers().get(1);
        assertEquals("2019", storage.published(), "the year when there is no publication date");
        assertTrue(storage.abstractText().contains("the data. Currently, this is achieved"), "line breaks collapsed: "
                + storage.abstractText());
    }

    @Test
    void batchIsAListOfPapers() throws Exception {
        ParseResult r = read(BATCH);
        assertEquals("semantic-scholar", r.format());
        assertEquals(List.of(1, 2, 3), invalidPositions(r));
        assertEquals("item has no abstract", r.invalid().get(0).detail(), "authors only were asked for");
    }

    @Test
    void brokenPaperInAPageCostsOnlyItself() throws Exception {
        String json = text(SEARCH).replace("\"title\":\"Quantum theory", "\"title\":{\"text\":\"Quantum theory")
                .replace("universal quantum computer\"}", "universal quantum computer\"}}");
        ParseResult r = readText("broken.json", json);
        assertEquals(List.of("no-abstract", "bad-record", "no-abstract"), reasons(r));
        InvalidItem bad = r.invalid().get(1);
        assertEquals(2, bad.source().position());
        assertEquals("record 2: field 'title' is not text: OBJECT", bad.detail());
        assertEquals(70499L, r.paging().totalResults(), "the envelope after a broken record is still read");
    }

    @Test
    void wrongTypesInTheSinglePaperMakeItOneBadRecord() throws Exception {
        ParseResult r = readText("odd.json", text(PAPER).replace(
                "\"externalIds\":{\"DBLP\":\"journals/x/Turing50\",\"MAG\":\"2145482038\",\"DOI\":\"10.1093/MIND/LIX.236.433\",\"CorpusId\":14636783}",
                "\"externalIds\":[\"10.1093/MIND/LIX.236.433\"]"));
        assertEquals(List.of(), r.papers());
        assertEquals(List.of("bad-record"), reasons(r));
        assertEquals("record 1: field 'externalIds' is not an object: ARRAY", r.invalid().get(0).detail());
    }
}
