package io.paperfeed.consumer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The subscription API on a real HTTP server (127.0.0.1) against a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionApiIT {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String bootstrap;
    private ApiTestServer server;

    @BeforeAll
    void start(KafkaBroker broker) throws Exception {
        bootstrap = broker.bootstrapServers();
        KafkaTopicsForTests.create(bootstrap, Map.of());
        server = new ApiTestServer(new ApiSettings(Taxonomy.defaults(), TOKEN, Set.of("all-papers"),
                SseSettings.defaults(new KafkaClients(bootstrap)), new SubscriptionSecrets(SecretKeys.generated())));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void createListGetDeleteRoundTripReadsItsOwnWritesAndWritesTheTopic() throws Exception {
        String id = "kv-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"" + id + "\",\"query\":\"abstract:\\\"kv cache\\\"\",\"topics\":[\"KV-Cache\"]}";

        HttpResponse<String> created = send("POST", "/subscriptions", body, TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/subscriptions/" + id, created.headers().firstValue("Location").orElseThrow());
        JsonNode stored = Json.MAPPER.readTree(created.body());
        assertEquals(id, stored.get("id").asText());
        assertEquals("[\"kv-cache\"]", stored.get("topics").toString(), "stored as the record normalises it");

        HttpResponse<String> got = send("GET", "/subscriptions/" + id, null, TOKEN);
        assertEquals(200, got.statusCode(), "read-your-writes: visible as soon as POST returned");
        assertEquals("abstract:\"kv cache\"", Json.MAPPER.readTree(got.body()).get("query").asText());
        List<String> listed = new ArrayList<>();
        Json.MAPPER.readTree(send("GET", "/subscriptions", null, TOKEN).body()).forEach(s -> listed.add(s.get("id").asText()));
        assertTrue(listed.contains(id), listed.toString());

        ConsumerRecord<String, byte[]> written = lastRecordOf(id);
        Subscription onTopic = Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize("t", written.value());
        assertEquals(List.of("kv-cache"), onTopic.topics());

        assertEquals(204, send("DELETE", "/subscriptions/" + id, null, TOKEN).statusCode());
        HttpResponse<String> gone = send("GET", "/subscriptions/" + id, null, TOKEN);
        assertEquals(404, gone.statusCode(), "deleted: read-your-writes again");
        assertEquals("not-found", Json.MAPPER.readTree(gone.body()).get("reason").asText());
        assertNull(lastRecordOf(id).value(), "DELETE writes a tombstone");
        assertEquals(404, send("DELETE", "/subscriptions/" + id, null, TOKEN).statusCode(), "unknown id");
    }

    @Test
    void webhookSecretsAreMaskedInEveryAnswerAndSealedOnTheTopic() throws Exception {
        String id = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(("key-" + id).getBytes());
        String body = "{\"id\":\"" + id + "\",\"query\":\"kv\",\"delivery\":[{\"type\":\"webhook\","
                + "\"url\":\"https://hooks.example.org/in\",\"secret\":\"" + secret + "\"}]}";
        HttpResponse<String> created = send("POST", "/subscriptions", body, TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        String[] answers = {created.body(), send("GET", "/subscriptions/" + id, null, TOKEN).body(),
            send("GET", "/subscriptions", null, TOKEN).body()};
        for (String answer : answers) {
            assertFalse(answer.contains(secret.substring(6)), answer);
            assertFalse(answer.contains("readTokenHash"), answer);
        }
        assertEquals("whsec_…", Json.MAPPER.readTree(answers[1]).at("/delivery/0/secret").asText());
        String onTopic = new String(lastRecordOf(id).value(), StandardCharsets.UTF_8);
        assertFalse(onTopic.contains(secret.substring(6)), onTopic);
        assertTrue(onTopic.contains("sealed:v1:"), onTopic);
        String readToken = Json.MAPPER.readTree(created.body()).get("readToken").asText();
        assertFalse(onTopic.contains(readToken), "only the read token's hash is stored");

        HttpResponse<String> replaced = send("POST", "/subscriptions", body, TOKEN);
        assertFalse(Json.MAPPER.readTree(replaced.body()).has("readToken"), "shown once: a replace keeps it");
        assertTrue(Json.MAPPER.readTree(replaced.body()).get("hasReadToken").asBoolean());
    }

    @Test
    void aReadTokenOpensItsOwnSubscriptionsStreamOnly() throws Exception {
        String mine = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "oth-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Json.MAPPER.readTree(send("POST", "/subscriptions", "{\"id\":\"" + mine + "\",\"query\":\"kv\"}",
                TOKEN).body()).get("readToken").asText();
        send("POST", "/subscriptions", "{\"id\":\"" + other + "\",\"query\":\"kv\"}", TOKEN);
        assertTrue(token.startsWith("pfr_"), token);

        assertEquals(200, streamStatus("/subscriptions/" + mine + "/events", token, false), "bearer read token");
        assertEquals(200, streamStatus("/subscriptions/" + mine + "/events?token=" + token, null, false), "?token=");
        assertEquals(200, streamStatus("/subscriptions/" + mine + "/events", TOKEN, false), "the admin token");
        assertEquals(401, streamStatus("/subscriptions/" + other + "/events", token, false), "another's stream");
        assertEquals(401, streamStatus("/subscriptions/" + mine + "/events?token=pfr_wrong", null, false));
        assertEquals(401, send("GET", "/subscriptions/" + mine, null, token).statusCode(), "not the admin API");

        String rotated = Json.MAPPER.readTree(send("POST", "/subscriptions/" + mine + "/read-token", null, TOKEN).body())
                .get("readToken").asText();
        assertEquals(401, streamStatus("/subscriptions/" + mine + "/events", token, false), "the old token is gone");
        assertEquals(200, streamStatus("/subscriptions/" + mine + "/events", rotated, false));
    }

    /** The status of an event-stream request (the stream is closed at once). */
    private int streamStatus(String path, String token, boolean unused) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }

    @Test
    void withoutOrWithAWrongTokenEverySubscriptionCallIs401WithAChallenge() throws Exception {
        double before = server.registry().get("paperfeed.api.errors").tag("reason", "unauthorized").counter().count();
        for (String token : new String[] {null, "wrong", TOKEN + "x"}) {
            for (String[] call : new String[][] {{"GET", "/subscriptions"}, {"POST", "/subscriptions"},
                {"GET", "/subscriptions/x"}, {"DELETE", "/subscriptions/x"}, {"GET", "/subscriptions/x/events"}}) {
                HttpResponse<String> r = send(call[0], call[1], call[0].equals("POST") ? "{\"id\":\"x\"}" : null, token);
                assertEquals(401, r.statusCode(), call[0] + " " + call[1] + " with " + token);
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer realm=\"paperfeed\""));
                assertEquals("unauthorized", Json.MAPPER.readTree(r.body()).get("reason").asText());
            }
        }
        assertEquals(before + 15, server.registry().get("paperfeed.api.errors").tag("reason", "unauthorized").counter().count());
    }

    @Test
    void anUnparsableQueryIs400WithTheLuceneParsersMessage() throws Exception {
        HttpResponse<String> r = send("POST", "/subscriptions", "{\"id\":\"broken\",\"query\":\"abstract:(kv AND\"}", TOKEN);
        assertEquals(400, r.statusCode());
        JsonNode error = Json.MAPPER.readTree(r.body());
        assertEquals("invalid-query", error.get("reason").asText());
        assertTrue(error.get("error").asText().contains("Cannot parse"), error.toString());
        assertEquals("abstract:(kv AND", error.get("query").asText());
        assertEquals(404, send("GET", "/subscriptions/broken", null, TOKEN).statusCode(), "nothing was written");
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        assertError(send("POST", "/subscriptions", "{\"id\":\"t1\",\"topics\":[\"no-such-topic\"]}", TOKEN),
                400, "unknown-topic", "topic no-such-topic is not in the taxonomy");
        assertError(send("POST", "/subscriptions", "{\"id\": \"t2\", \"query\": ", TOKEN), 400, "bad-json", "not valid JSON");
        assertError(send("POST", "/subscriptions", "[1, 2]", TOKEN), 400, "bad-json", "a JSON object");
        assertError(send("POST", "/subscriptions", "{\"query\":\"kv\"}", TOKEN), 400, "missing-id", "no id");
        assertError(send("POST", "/subscriptions", "{\"id\":\"bad id!\",\"query\":\"kv\"}", TOKEN), 400,
                "invalid-subscription", "id must be");
        assertError(send("POST", "/subscriptions", "{\"id\":\"t3\",\"query\":\"the of\"}", TOKEN), 400,
                "invalid-query", "no searchable words");
        assertError(send("POST", "/subscriptions", "{\"id\":\"t4\",\"query\":\"kv\",\"mode\":\"weekly\"}", TOKEN), 400,
                "invalid-subscription", "weekly");
        assertError(send("POST", "/subscriptions", "{\"id\":\"all-papers\",\"query\":\"kv\"}", TOKEN), 400,
                "invalid-subscription", "built-in subscription");
        assertError(send("PUT", "/subscriptions", "{}", TOKEN), 405, "method-not-allowed", "GET, POST");
        assertEquals("GET, POST", send("PUT", "/subscriptions", "{}", TOKEN).headers().firstValue("Allow").orElseThrow());
        assertError(send("POST", "/subscriptions/x", "{}", TOKEN), 405, "method-not-allowed", "GET, DELETE");
        assertError(sendTyped("/subscriptions", "id=x", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type", "must be JSON");
        // a body declared larger than the limit is refused before it is sent: headers only, then the answer
        // (sending the 70 KB too races the server's close after its 413, which a client may see as a reset)
        URI uri = server.uri("/subscriptions");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /subscriptions HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 70000\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("\"too-large\"") && answer.contains("larger than"), answer);
        }
    }

    @Test
    void topicsArePublicAndListTheTaxonomy() throws Exception {
        HttpResponse<String> r = send("GET", "/topics", null, null);
        assertEquals(200, r.statusCode());
        JsonNode topics = Json.MAPPER.readTree(r.body());
        assertEquals(Taxonomy.defaults().topics().size(), topics.size());
        JsonNode kv = null;
        for (JsonNode t : topics) {
            if (t.get("id").asText().equals("kv-cache")) {
                kv = t;
            }
        }
        assertNotNull(kv);
        assertEquals("paperfeed.topic.kv-cache", kv.get("kafkaTopic").asText());
        assertTrue(kv.hasNonNull("name") && kv.hasNonNull("description"));
        assertError(send("GET", "/topics/no-such-topic/events", null, null), 404, "not-found", "no topic no-such-topic");
        assertError(send("GET", "/subscriptions/never-created/events", null, TOKEN), 404, "not-found", "never-created");
    }

    private void assertError(HttpResponse<String> r, int status, String reason, String says) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = Json.MAPPER.readTree(r.body());
        assertEquals(reason, error.get("reason").asText(), r.body());
        assertTrue(error.get("error").asText().contains(says), r.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendTyped(String path, String body, String type) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", type)
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The latest record of a key on paperfeed.subscriptions. */
    private ConsumerRecord<String, byte[]> lastRecordOf(String key) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTopicsForTests.recordsOf(bootstrap, Topics.SUBSCRIPTIONS.name(),
                key);
        assertFalse(records.isEmpty(), "a record for " + key);
        return records.get(records.size() - 1);
    }
}
