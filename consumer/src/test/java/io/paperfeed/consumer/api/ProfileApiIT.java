package io.paperfeed.consumer.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Rating;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Like lists, ratings and library uploads through the API on a real broker: ids resolve against the papers
 * the service read from {@code paperfeed.papers.classified} (their embeddings taken, not computed again),
 * inline papers are embedded, ratings land on {@code paperfeed.feedback} under {@code subscription|paper};
 * each of these writes takes the admin token, and a subscription's read token opens none of them.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileApiIT {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final String KNOWN = "arxiv:2507.20534";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private KafkaClients clients;
    private String bootstrap;
    private ApiTestServer server;
    private CanonicalPaper known;

    @BeforeAll
    void start(KafkaBroker broker) throws Exception {
        bootstrap = broker.bootstrapServers();
        clients = new KafkaClients(bootstrap);
        KafkaTopicsForTests.create(broker.bootstrapServers(), Map.of());
        known = CanonicalPaper.firstSighting(KNOWN, new PaperEvent("2507.20534", 1, null, "Kimi K2: Open Agentic Intelligence",
                "We introduce Kimi K2, a Mixture-of-Experts large language model with 32 billion activated parameters.",
                List.of(), List.of("cs.LG"), null, null, null, List.of(), new Provenance("seeds", "f", 1, Instant.EPOCH)))
                .withEmbedding(MiniLmEmbedder.shared().embedding("Kimi K2: Open Agentic Intelligence. We introduce Kimi K2."));
        try (Producer<String, CanonicalPaper> producer = clients.producer("profile-it", new StringSerializer(),
                PaperSerdes.CANONICAL_PAPER.serializer())) {
            producer.send(new ProducerRecord<>(Topics.PAPERS_CLASSIFIED.name(), KNOWN, known)).get();
        }
        server = new ApiTestServer(new ApiSettings(Taxonomy.defaults(), TOKEN, Set.of("all-papers"),
                SseSettings.defaults(clients)));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String created(String body) throws Exception {
        HttpResponse<String> r = await().atMost(Duration.ofSeconds(30)).until(() -> send("POST", "/subscriptions", body,
                "application/json"), x -> x.statusCode() != 400 || !x.body().contains("unknown-paper"));
        assertEquals(201, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aLikeListTakesTheStreamedEmbeddingOfAKnownPaperAndEmbedsAnInlineOne() throws Exception {
        JsonNode s = Json.MAPPER.readTree(created("{\"id\":\"like-a\",\"like\":[\"https://arxiv.org/abs/2507.20534v2\","
                + "{\"title\":\"KAN\",\"abstract\":\"Kolmogorov-Arnold networks.\"}],\"minSimilarity\":0.6}"));
        JsonNode like = s.get("like");
        assertEquals(2, like.size());
        assertEquals(KNOWN, like.get(0).get("paper").asText());
        assertEquals("Kimi K2: Open Agentic Intelligence", like.get(0).get("title").asText());
        assertEquals(known.embedding().vector(), like.get(0).get("embedding").get("vector").asText(),
                "the classified paper's embedding, not a new one");
        assertTrue(like.get(1).get("embedding").get("vector").asText().length() > 500);
        assertNull(like.get(1).get("abstract"), "an inline abstract is not stored once embedded");
        assertEquals(0.6, s.get("minSimilarity").asDouble());
    }

    @Test
    void anUnknownPaperIdIs400SayingWhatToDo() throws Exception {
        HttpResponse<String> r = send("POST", "/subscriptions", "{\"id\":\"like-b\",\"like\":[\"2404.19756\"]}",
                "application/json");
        assertEquals(400, r.statusCode());
        JsonNode error = Json.MAPPER.readTree(r.body());
        assertEquals("unknown-paper", error.get("reason").asText());
        assertTrue(error.get("error").asText().contains("give it as {\"title\": ..., \"abstract\": ...} instead"));
    }

    @Test
    void aRatingLandsOnTheFeedbackTopicUnderSubscriptionAndPaper() throws Exception {
        created("{\"id\":\"rated\",\"query\":\"abstract:kimi\"}");
        HttpResponse<String> r = send("POST", "/subscriptions/rated/feedback", "{\"paper\":\"2507.20534\",\"rating\":-1}",
                "application/json");
        assertEquals(202, r.statusCode(), r.body());
        Rating rating = lastRating("rated|" + KNOWN);
        assertEquals(-1, rating.rating());
        assertEquals(known.embedding(), rating.embedding(), "the rating carries the paper's embedding");
        assertEquals(400, send("POST", "/subscriptions/rated/feedback", "{\"paper\":\"2507.20534\",\"rating\":2}",
                "application/json").statusCode());
        assertEquals(404, send("POST", "/subscriptions/nobody/feedback", "{\"paper\":\"2507.20534\",\"rating\":1}",
                "application/json").statusCode());
        assertEquals(204, send("DELETE", "/subscriptions/rated/feedback/" + KNOWN, null, null).statusCode());
        assertNull(lastRecord("rated|" + KNOWN).value(), "withdrawn: a tombstone");
    }

    @Test
    void aBibtexLibraryBecomesALikeOnlySubscription() throws Exception {
        String bib = "@misc{kimi, title={Kimi K2: Open Agentic Intelligence}, eprint={2507.20534}, archivePrefix={arXiv}}\n"
                + "@article{kan, title={KAN: Kolmogorov-Arnold Networks}, abstract={Learnable activations on edges.}}\n"
                + "@misc{none, author={Nobody}}\n";
        HttpResponse<String> r = send("POST", "/subscriptions/lib/library", bib, "application/x-bibtex");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode answer = Json.MAPPER.readTree(r.body());
        assertEquals(2, answer.get("added").asInt());
        assertEquals("none: no title, abstract or arXiv id", answer.get("problems").get(0).asText());
        assertEquals(KNOWN, answer.get("subscription").get("like").get(0).get("paper").asText());
        assertTrue(answer.get("subscription").get("readToken").asText().startsWith("pfr_"),
                "a subscription the upload created gets a read token, as any new one");
        HttpResponse<String> again = send("POST", "/subscriptions/lib/library", bib, "application/x-bibtex");
        assertEquals(200, again.statusCode());
        JsonNode second = Json.MAPPER.readTree(again.body());
        assertEquals(0, second.get("added").asInt(), "the same papers are not added twice");
        assertNull(second.get("subscription").get("readToken"), "the token is shown once");
        assertTrue(second.get("subscription").get("hasReadToken").asBoolean(), "and kept by the upload");
        assertEquals(400, send("POST", "/subscriptions/lib/library", "@article{x, title = {unclosed", "application/x-bibtex")
                .statusCode());
    }

    @Test
    void ratingsAndLibrariesTakeTheAdminTokenNotTheSubscriptionsReadToken() throws Exception {
        String readToken = Json.MAPPER.readTree(created("{\"id\":\"tokened\",\"query\":\"abstract:kimi\"}"))
                .get("readToken").asText();
        String rating = "{\"paper\":\"2507.20534\",\"rating\":1}";
        for (String token : new String[] {readToken, null}) {
            assertEquals(401, sendAs(token, "POST", "/subscriptions/tokened/feedback", rating, "application/json")
                    .statusCode());
            assertEquals(401, sendAs(token, "DELETE", "/subscriptions/tokened/feedback/" + KNOWN, null, null)
                    .statusCode());
            assertEquals(401, sendAs(token, "POST", "/subscriptions/tokened/library",
                    "@misc{kimi, title={Kimi K2}, eprint={2507.20534}}", "application/x-bibtex").statusCode());
        }
        assertEquals(202, send("POST", "/subscriptions/tokened/feedback", rating, "application/json").statusCode());
    }

    private Rating lastRating(String key) {
        ConsumerRecord<String, byte[]> r = lastRecord(key);
        assertNotNull(r.value());
        return PaperSerdes.RATING.deserialize(r.topic(), r.value());
    }

    private ConsumerRecord<String, byte[]> lastRecord(String key) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTopicsForTests.recordsOf(bootstrap, Topics.FEEDBACK.name(), key);
        assertFalse(records.isEmpty(), "a record for " + key);
        return records.get(records.size() - 1);
    }

    private HttpResponse<String> send(String method, String path, String body, String type)
            throws IOException, InterruptedException {
        return sendAs(TOKEN, method, path, body, type);
    }

    private HttpResponse<String> sendAs(String token, String method, String path, String body, String type)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
