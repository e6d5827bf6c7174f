package io.paperfeed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.paperfeed.model.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of like-subscriptions, ratings, embeddings and topics found by meaning, and their JSON. */
class MeaningRecordsTest {

    @Test
    void aLikeListTakesPaperIdsAndInlinePapers() throws Exception {
        Subscription s = Json.MAPPER.readValue("""
                {"id": "kan", "like": ["arxiv:2404.19756", {"title": "KAN 2.0", "abstract": "Kolmogorov-Arnold networks"}],
                 "minSimilarity": 0.4}""", Subscription.class);
        assertEquals(List.of(LikeItem.ofPaper("arxiv:2404.19756"), LikeItem.inline("KAN 2.0", "Kolmogorov-Arnold networks")),
                s.like());
        assertEquals(0.4, s.minSimilarity());
        assertTrue(s.hasLike());
        assertFalse(s.hasQuery());
    }

    @Test
    void aResolvedLikeListSurvivesTheTopic() throws Exception {
        PaperEmbedding e = PaperEmbedding.of("m", new float[] {0.6f, -0.8f});
        Subscription s = Subscription.ofLike("kan", List.of(new LikeItem("arxiv:1", "KAN", null, e)));
        Subscription back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(s), Subscription.class);
        assertEquals(s, back);
        assertEquals(s.like(), back.disable("410 Gone").like(), "disabling keeps the profile");
        assertFalse(Json.MAPPER.writeValueAsString(Subscription.ofQuery("q", "kv")).contains("like"),
                "a subscription without a like list looks as before");
    }

    @Test
    void aSubscriptionNeedsAQueryATopicOrALikeList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Subscription("x", null, null, List.of(), null, false, List.of()));
        assertEquals("subscription x needs a query, at least one topic or a like list", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Subscription("x", null, null, List.of(), null, false,
                List.of(), false, null, null, List.of(LikeItem.ofPaper("arxiv:1")), 1.5));
    }

    @Test
    void aLikedPaperIsAnIdOrATitleAndAbstract() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> Json.MAPPER.readValue("{\"id\": \"x\", \"like\": [42]}", Subscription.class));
        assertTrue(e.getMessage().contains("a liked paper is a paper id (a string) or an object"), e.getMessage());
        assertThrows(JsonMappingException.class,
                () -> Json.MAPPER.readValue("{\"id\": \"x\", \"like\": [{\"title\": \" \"}]}", Subscription.class));
    }

    @Test
    void anEmbeddingRoundTripsQuantizedToUnitLength() {
        float[] v = {3f, 4f, 0f};
        PaperEmbedding e = PaperEmbedding.of("m", v);
        float[] back = e.values();
        assertEquals(0.6f, back[0], 0.01f);
        assertEquals(0.8f, back[1], 0.01f);
        assertEquals(0f, back[2], 1e-6f);
        assertEquals(3, e.dimensions());
        assertThrows(IllegalArgumentException.class, () -> new PaperEmbedding("m", "not base64!"));
    }

    @Test
    void aTopicIsFoundByItsQueryUnlessSaidOtherwise() throws Exception {
        TopicMatch old = Json.MAPPER.readValue("{\"id\": \"kv-cache\", \"score\": 2.5, \"terms\": [\"kv cache\"]}",
                TopicMatch.class);
        assertEquals(TopicMatch.By.QUERY, old.by());
        TopicMatch meaning = TopicMatch.byMeaning("clustering", 0.41);
        String json = Json.MAPPER.writeValueAsString(meaning);
        assertTrue(json.contains("\"by\":\"meaning\""), json);
        assertEquals(meaning, Json.MAPPER.readValue(json, TopicMatch.class));
    }

    @Test
    void aRatingIsOneOrMinusOne() {
        PaperEmbedding e = PaperEmbedding.of("m", new float[] {1f});
        assertThrows(IllegalArgumentException.class, () -> new Rating("s", "arxiv:1", 0, null, e, Instant.EPOCH));
        Rating r = new Rating("s", "arxiv:1", -1, null, e, Instant.EPOCH);
        assertEquals("s|arxiv:1", r.key());
        assertEquals("s", Rating.subscriptionOf(r.key()));
        assertFalse(r.positive());
    }

    @Test
    void aPaperWithoutAnEmbeddingLooksAsBefore() throws Exception {
        CanonicalPaper p = CanonicalPaper.firstSighting("arxiv:1", new PaperEvent("2504.00001", 1, null, "T", "A",
                List.of(), List.of(), null, null, null, List.of(), new Provenance("s", "f", 1, Instant.EPOCH)));
        assertNull(p.embedding());
        assertFalse(Json.MAPPER.writeValueAsString(p).contains("embedding"));
        CanonicalPaper embedded = p.withEmbedding(PaperEmbedding.of("m", new float[] {1f, 0f}));
        assertEquals(embedded, Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(embedded), CanonicalPaper.class));
    }
}
