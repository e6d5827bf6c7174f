package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.ids;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Hugging Face papers API's daily list: its real entry, and lists made of it with broken entries. */
class HfDailyPapersApiTest {

    static final String DAILY = "hf-daily-papers-api-2026-03-06.json";

    /** The fixture's one entry, as JSON text. */
    private static String entry() throws Exception {
        String json = text(DAILY).strip();
        return json.substring(1, json.length() - 1);
    }

    @Test
    void entryFieldByField() throws Exception {
        ParseResult r = read(DAILY);
        assertEquals("hf-daily-papers-api", r.format());
        assertEquals(List.of(), r.invalid());
        PaperEvent p = r.papers().get(0);
        assertEquals("2602.23229", p.arxivId());
        assertNull(p.version(), "the list names the paper, not a version");
        assertNull(p.doi());
        assertEquals("Large Multimodal Models as General In-Context Classifiers", p.title());
        assertTrue(p.abstractText().startsWith("Which multimodal model should we use for classification?"), p.abstractText());
        assertTrue(p.abstractText().contains("their \"in-context\" equivalent."), p.abstractText());
        assertEquals(List.of("Marco Garosi", "Matteo Farina", "Alessandro Conti", "Massimiliano Mancini", "Elisa Ricci"),
                p.authors());
        assertEquals("2026-02-26T17:08:18.000Z", p.published(), "the paper's date, not the entry's");
        assertEquals(List.of("https://huggingface.co/papers/2602.23229", "https://arxiv.org/abs/2602.23229",
                "https://circle-lmm.github.io/", "https://github.com/marco-garosi/CIRCLE"), p.links());
        assertEquals(List.of(), p.categories(), "AI keywords are no categories");
        assertNull(r.paging());
    }

    @Test
    void brokenEntryCostsOnlyItself() throws Exception {
        String good = entry();
        String otherId = good.replace("\"id\":\"2602.23229\"", "\"id\":\"2602.23230\"");
        String authorsText = good.replace("\"authors\":[{", "\"authors\":\"Marco Garosi\",\"x\":[{");
        String noPaper = good.replace("\"paper\":{", "\"item\":{");
        ParseResult r = readText("broken.json", "[" + String.join(",", good, authorsText, noPaper, otherId, "42") + "]");
        assertEquals("hf-daily-papers-api", r.format());
        assertEquals(List.of(1, 4), paperPositions(r));
        assertEquals(List.of("2602.23229", "2602.23230"), ids(r));
        assertEquals(List.of("bad-record", "bad-record", "bad-record"), reasons(r));
        assertEquals(List.of(2, 3, 5), invalidPositions(r));
        assertEquals("record 2: field 'authors' is not a list: STRING", r.invalid().get(0).detail());
        assertEquals("record 3: no 'paper' object", r.invalid().get(1).detail());
        assertEquals("record 5 is not a JSON object: NUMBER", r.invalid().get(2).detail());
    }

    @Test
    void entrySummaryStandsInForAMissingPaperSummary() throws Exception {
        String json = text(DAILY).replaceFirst("\"summary\":\"Which multimodal", "\"abstract\":\"Which multimodal");
        PaperEvent p = readText("entry-summary.json", json).papers().get(0);
        assertTrue(p.abstractText().startsWith("Which multimodal model"), p.abstractText());
    }

    @Test
    void listCutShortIsOneBadJsonItemAfterTheEntriesRead() throws Exception {
        String good = entry();
        String list = "[" + good + "," + good.replace("2602.23229", "2602.23231");
        ParseResult r = readText("cut.json", list.substring(0, list.length() - 400));
        assertEquals(List.of(1), paperPositions(r));
        assertEquals(List.of("bad-json"), reasons(r));
        assertEquals(List.of(2), invalidPositions(r));
    }
}
