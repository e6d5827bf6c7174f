package io.paperfeed.producer.parse;

import static io.paperfeed.producer.parse.SourceFixtures.read;
import static io.paperfeed.producer.parse.SourceFixtures.readText;
import static io.paperfeed.producer.parse.SourceFixtures.text;
import static io.paperfeed.producer.parse.XmlFeedTesting.invalidPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.paperPositions;
import static io.paperfeed.producer.parse.XmlFeedTesting.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenReview API v2 notes search: its real response (one NeurIPS 2025 workshop paper), and pages
 * made of that note with broken, reply and deleted notes beside it.
 */
class OpenReviewNotesTest {

    static final String SEARCH = "openreview-notes-search-4aMedv0ONH.json";
    private static final String AUTHORS_LINE = "\"authors\": {\n          \"value\": [";

    /** The fixture's one note, as JSON text. */
    private static String note() throws Exception {
        String json = text(SEARCH);
        return json.substring(json.indexOf('[') + 1, json.lastIndexOf(']')).strip();
    }

    private static String page(String... notes) {
        return "{\"notes\": [" + String.join(",", notes) + "], \"count\": " + notes.length + "}";
    }

    @Test
    void noteFieldByField() throws Exception {
        ParseResult r = read(SEARCH);
        assertEquals("openreview-notes", r.format());
        assertEquals(List.of(), r.invalid());
        assertEquals(1, r.papers().size());
        PaperEvent p = r.papers().get(0);
        assertEquals("Emergency Response Measures for Catastrophic Risk", p.title());
        assertTrue(p.abstractText().startsWith("Chinese authorities are extending the country’s four-phase emergency"),
                p.abstractText());
        assertTrue(p.abstractText().endsWith("consistent with China’s established governance principles."));
        assertEquals(List.of("James Zhang", "Miles Kodama", "Zongze Wu", "Michael Chen", "Yue Zhu", "Geng Hong"),
                p.authors());
        assertEquals("RegML 2025 Poster", p.venue());
        assertEquals("RegML 2025 Poster", p.comment());
        assertEquals(PaperStatus.PUBLISHED, p.status(), "a venue of an accepted paper, not 'Submitted to'");
        assertEquals("2025-09-23", p.published(), "pdate 1758606093305");
        assertEquals(Map.of("openreview", List.of("4aMedv0ONH")), p.ids());
        assertEquals(List.of("https://openreview.net/forum?id=4aMedv0ONH",
                "https://openreview.net/pdf/6aff10dc6d9b9af5e02b538c0abf0319ef99b31a.pdf"), p.links());
        assertNull(p.arxivId());
        assertNull(p.doi());
        assertEquals(List.of(), p.categories(), "keywords are no arXiv categories");
    }

    @Test
    void statusFollowsTheDecisionThenTheVenue() {
        assertEquals("published", OpenReviewNotesFormat.status("Accept (Poster)", "Submitted to ICLR 2025", true));
        assertNull(OpenReviewNotesFormat.status("Reject", "Submitted to ICLR 2025", true));
        assertEquals("under_review", OpenReviewNotesFormat.status(null, "Submitted to ICLR 2025", true));
        assertNull(OpenReviewNotesFormat.status(null, "ICLR 2025 Conference Withdrawn Submission", true));
        assertEquals("published", OpenReviewNotesFormat.status(null, "ICLR 2025 Oral", true));
        assertEquals("under_review", OpenReviewNotesFormat.status(null, null, true));
        assertNull(OpenReviewNotesFormat.status(null, null, false));
    }

    @Test
    void brokenReplyAndDeletedNotesCostOnlyThemselves() throws Exception {
        String good = note();
        String other = good.replace("4aMedv0ONH", "Xb9Medv0ONH");
        String reply = good.replace("\"forum\": \"4aMedv0ONH\"", "\"forum\": \"4aMedv0ONH\", \"replyto\": \"4aMedv0ONH\"")
                .replace("\"id\": \"4aMedv0ONH\"", "\"id\": \"R3view01\"");
        String deleted = good.replace("\"pdate\": 1758606093305", "\"ddate\": 1758606093305");
        String authorsNumber = good.replace(AUTHORS_LINE, "\"authors\": {\"value\": 42, \"x\": [");
        ParseResult r = readText("page.json", page(good, reply, deleted, authorsNumber, "\"note\"", other));
        assertEquals("openreview-notes", r.format());
        assertEquals(List.of(1, 6), paperPositions(r));
        assertEquals(List.of("unrecognised", "deleted", "bad-record", "bad-record"), reasons(r));
        assertEquals(List.of(2, 3, 4, 5), invalidPositions(r));
        assertEquals("record 4: field 'value' is not a list: NUMBER", r.invalid().get(2).detail());
        assertEquals("record 5 is not a JSON object: STRING", r.invalid().get(3).detail());
    }

    @Test
    void aDecisionAmongTheRepliesIsInTheCommentAndDecidesTheStatus() throws Exception {
        // as a details=replies request returns it: the real note with a decision reply added
        String submitted = note().replace("\"value\": \"RegML 2025 Poster\"", "\"value\": \"Submitted to RegML 2025\"");
        String decided = submitted.replaceFirst("\\{\n      \"content\"", "{\"details\": {\"replies\": [{\"id\": \"D3c1s10n\","
                + " \"invitations\": [\"NeurIPS.cc/2025/Workshop/RegML/Submission23/-/Decision\"], \"content\":"
                + " {\"decision\": {\"value\": \"Accept (Poster)\"}}}]},\n      \"content\"");
        ParseResult r = readText("replies.json", page(submitted, decided.replace("4aMedv0ONH", "Xb9Medv0ONH")));
        assertEquals(List.of(), r.invalid());
        assertEquals(PaperStatus.UNDER_REVIEW, r.papers().get(0).status(), "submitted, no decision yet");
        PaperEvent accepted = r.papers().get(1);
        assertEquals("Submitted to RegML 2025; decision: Accept (Poster)", accepted.comment());
        assertEquals(PaperStatus.PUBLISHED, accepted.status());
    }

    @Test
    void aV1NoteWithBareValuesReadsAlike() throws Exception {
        String v1 = "{\"notes\": [{\"id\": \"4aMedv0ONH\", \"forum\": \"4aMedv0ONH\", \"invitation\": "
                + "\"NeurIPS.cc/2025/Workshop/RegML/-/Submission\", \"cdate\": 1755815957278, \"content\": {\"title\": "
                + "\"Emergency Response Measures for Catastrophic Risk\", \"abstract\": \"Chinese authorities are extending.\","
                + " \"authors\": [\"James Zhang\", \"Miles Kodama\"]}}], \"count\": 1}";
        ParseResult r = readText("v1.json", v1);
        assertEquals("openreview-notes", r.format());
        PaperEvent p = r.papers().get(0);
        assertEquals(List.of("James Zhang", "Miles Kodama"), p.authors());
        assertEquals("2025-08-21", p.published(), "cdate when there is no pdate or odate");
        assertEquals(PaperStatus.UNDER_REVIEW, p.status(), "a submission without venue or decision");
    }

    @Test
    void pageCutShortIsOneBadJsonItemAfterTheNotesRead() throws Exception {
        String good = note();
        String cut = page(good, good.replace("4aMedv0ONH", "Xb9Medv0ONH"));
        ParseResult r = readText("cut.json", cut.substring(0, cut.length() - 600));
        assertEquals(List.of(1), paperPositions(r));
        assertEquals(List.of("bad-json"), reasons(r));
    }
}
