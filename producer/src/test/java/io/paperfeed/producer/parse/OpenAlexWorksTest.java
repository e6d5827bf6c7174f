package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAlex works: the real single-work response, field by field, and broken copies of it. */
class OpenAlexWorksTest {

    static final String WORK = "openalex-work-W2741809807.json";

    @Test
    void workFieldByFieldWithTheDoiPubmedCrossWalk() throws Exception {
        ParseResult r = read(WORK);
        assertEquals("openalex-works", r.format());
        assertEquals(List.of(), r.invalid());
        PaperEvent p = r.papers().get(0);
        assertEquals(1, p.source().position());
        assertEquals("10.7717/peerj.4375", p.doi(), "the resolver URL made bare");
        assertNull(p.arxivId());
        assertEquals("The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
                p.title());
        assertEquals(List.of("Heather Piwowar", "Jason Priem", "Vincent Larivi\u00e8re", "Juan Pablo Alper\u00edn",
                "Lisa Matthias", "Bree Norlander", "Ashley Farley", "Jevin D. West", "Stefanie Haustein"), p.authors());
        assertEquals(1630, p.abstractText().length());
        assertTrue(p.abstractText().startsWith("Despite growing interest in Open Access (OA) to scholarly literature, "
                + "there is an unmet need for large-scale, up-to-date, and reproducible studies"), p.abstractText());
        assertTrue(p.abstractText().endsWith("as a way to inform OA policy and practice."));
        assertEquals("2018-02-13", p.published());
        assertEquals("PeerJ", p.comment());
        assertEquals(List.of("https://doi.org/10.7717/peerj.4375", "https://peerj.com/articles/4375.pdf",
                "https://doaj.org/article/13b0006802e745a6973c19b2ecb9b97a", "https://europepmc.org/articles/pmc5815332",
                "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5815332",
                "https://digitalcommons.unl.edu/cgi/viewcontent.cgi?article=1143&context=scholcom",
                "http://hdl.handle.net/1866/23242", "https://pubmed.ncbi.nlm.nih.gov/29456894"), p.links());
        PaperExtras extras = r.extras(p);
        assertEquals("W2741809807", extras.id("openalex"));
        assertEquals("2741809807", extras.id("mag"));
        assertEquals("29456894", extras.id("pmid"));
        assertEquals("PMC5815332", extras.id("pmcid"));
        assertEquals(List.of("2167-8359"), extras.ids().get("issn"));
        assertEquals("PeerJ", extras.venue());
        assertNull(r.paging());
    }

    @Test
    void everyAuthorsOrcidIdIsKeptBareByName() throws Exception {
        PaperEvent p = read(WORK).papers().get(0);
        assertEquals(9, p.orcids().size());
        assertEquals("0000-0003-1613-5981", p.orcids().get("Heather Piwowar"), "from https://orcid.org/…");
        assertEquals("0000-0002-9344-7439", p.orcids().get("Juan Pablo Alper\u00edn"));
        assertEquals(p.authors(), List.copyOf(p.orcids().keySet()), "in author order");
    }

    @Test
    void aPageOfWorksKeepsTheGoodOnesAroundABrokenOneAndItsCursor() throws Exception {
        // a page built of the real work three times (OpenAlex wraps works so in "results"), the second one broken
        String work = text(WORK).strip();
        String broken = work.replace("\"authorships\":[", "\"authorships\":\"none\",\"x\":[");
        String page = "{\"meta\":{\"count\":3,\"db_response_time_ms\":28,\"page\":null,\"per_page\":3,"
                + "\"next_cursor\":\"IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI0ODg0OTk3NjQnXSI=\"},"
                + "\"results\":[" + work + "," + broken + "," + work + "]}";
        ParseResult r = readText("page.json", page);
        assertEquals("openalex-works", r.format());
        assertEquals(List.of(1, 3), XmlFeedTesting.paperPositions(r));
        assertEquals(List.of("bad-record"), reasons(r));
        assertEquals(2, r.invalid().get(0).source().position());
        assertEquals("record 2: field 'authorships' is not a list: STRING", r.invalid().get(0).detail());
        assertEquals(new FeedPaging(3L, null, 3L, "IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI0ODg0OTk3NjQnXSI="),
                r.paging());
    }

    @Test
    void aWorkWithoutAbstractIsATitleOnlySighting() throws Exception {
        // OpenAlex has no abstract for many works ("abstract_inverted_index": null); no real response with
        // such a work was found saved, so the real work is read once more with its index set to null
        com.fasterxml.jackson.databind.node.ObjectNode work = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.paperfeed.model.serde.Json.MAPPER.readTree(text(WORK));
        work.putNull("abstract_inverted_index");
        ParseResult r = readText("no-abstract.json", io.paperfeed.model.serde.Json.MAPPER.writeValueAsString(work));
        assertEquals(List.of(), r.invalid(), "a title, a DOI and authors: it can join a known paper");
        PaperEvent p = r.papers().get(0);
        assertNull(p.abstractText());
        assertEquals("10.7717/peerj.4375", p.doi());
        assertEquals("The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
                p.title());
        assertEquals(9, p.authors().size());
        assertEquals("W2741809807", r.extras(p).id("openalex"));

        work.putNull("doi");
        ((com.fasterxml.jackson.databind.node.ObjectNode) work.get("ids")).remove("doi");
        work.putArray("authorships");
        ParseResult bare = readText("title-only.json", io.paperfeed.model.serde.Json.MAPPER.writeValueAsString(work));
        assertEquals(List.of("no-abstract"), reasons(bare), "a title alone cannot join anything");
    }

    @Test
    void invertedIndexIsReadInPositionOrder() throws Exception {
        com.fasterxml.jackson.databind.JsonNode index = io.paperfeed.model.serde.Json.MAPPER.readTree(
                "{\"world\":[1],\"Hello\":[0],\"again\":[3],\"hello\":[2]}");
        assertEquals("Hello world hello again", OpenAlexWorksFormat.abstractOf(index));
    }
}
