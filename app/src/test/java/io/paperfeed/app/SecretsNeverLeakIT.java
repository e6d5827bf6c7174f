package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets a running demo holds (the admin token, webhook secrets from the subscriptions file and
 * from the API, a read token, a key in a webhook URL's query string) never show in its output, on
 * {@code /metrics}, on the public status page and its JSON, or in an admin answer (the read token is
 * shown once, in the answer that creates it). Each secret is random, so finding none of it anywhere is
 * the whole check; the deliveries prove the secrets were in use while the output was written.
 */
class SecretsNeverLeakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noSecretInTheOutputMetricsPublicPagesOrAdminAnswers(@TempDir Path dir) throws Exception {
        String adminToken = "pf_admin_" + HexFormat.of().formatHex(bytes(16));
        String fileSecret = "whsec_" + Base64.getEncoder().encodeToString(bytes(24));
        String apiSecret = "whsec_" + Base64.getEncoder().encodeToString(bytes(24));
        String urlKey = "k" + HexFormat.of().formatHex(bytes(12));
        AtomicInteger deliveries = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestHeaders().getFirst("webhook-signature") != null) {
                deliveries.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?key=" + urlKey;
        Path subscriptions = dir.resolve("subscriptions.yaml");
        Files.writeString(subscriptions, "- {id: file-hook, query: 'abstract:we', delivery: [{type: webhook, url: '"
                + hook + "', secret: '" + fileSecret + "'}]}\n");
        try (DemoProcess demo = new DemoProcess("secrets-it-demo.log",
                List.of("--subscriptions", subscriptions.toString(), "--allow-loopback-webhooks"),
                Map.of("PAPERFEED_API_TOKEN", adminToken))) {
            demo.awaitPort();
            demo.awaitThrough();
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.get() >= 10);

            HttpResponse<String> created = send(demo, "POST", "/subscriptions", adminToken, JSON.writeValueAsString(
                    Map.of("id", "api-hook", "query", "abstract:model",
                            "delivery", List.of(Map.of("type", "webhook", "url", hook, "secret", apiSecret)))));
            assertEquals(201, created.statusCode(), created.body());
            String readToken = JSON.readTree(created.body()).path("readToken").asText();
            assertTrue(readToken.startsWith("pfr_"), "the creating answer shows the read token once: " + created.body());
            assertEquals(200, streamStatus(demo, "/subscriptions/api-hook/events?token=" + readToken),
                    "the read token opens its subscription's stream");

            Map<String, String> seen = new LinkedHashMap<>();
            seen.put("the creating answer", created.body().replace(readToken, ""));
            for (String path : List.of("/subscriptions", "/subscriptions/api-hook", "/subscriptions/file-hook")) {
                HttpResponse<String> answer = send(demo, "GET", path, adminToken, null);
                assertEquals(200, answer.statusCode(), path + ": " + answer.body());
                seen.put("GET " + path, answer.body());
            }
            JsonNode listed = JSON.readTree(seen.get("GET /subscriptions/file-hook"));
            assertTrue(listed.path("delivery").get(0).path("secret").asText().startsWith("whsec_"),
                    "a secret is shown masked: " + listed);
            for (String path : List.of("/metrics", "/", "/status.json", "/health")) {
                seen.put("GET " + path, send(demo, "GET", path, null, null).body());
            }
            seen.put("the demo's output", String.join("\n", demo.output()));

            List<String> leaks = new ArrayList<>();
            Map<String, String> secrets = Map.of("admin token", adminToken, "file webhook secret", fileSecret,
                    "API webhook secret", apiSecret, "read token", readToken,
                    "webhook secret's key", fileSecret.substring("whsec_".length()));
            secrets.forEach((name, secret) -> seen.forEach((where, text) -> {
                if (text.contains(secret)) {
                    leaks.add(name + " in " + where);
                }
            }));
            for (String where : List.of("GET /metrics", "GET /", "GET /status.json", "GET /health", "the demo's output")) {
                if (seen.get(where).contains(urlKey)) {
                    leaks.add("the webhook URL's query key in " + where);
                }
            }
            assertTrue(leaks.isEmpty(), "secrets found: " + leaks);
            assertFalse(seen.get("the demo's output").isEmpty());
        } finally {
            receiver.stop(0);
        }
    }

    private HttpResponse<String> send(DemoProcess demo, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of an event stream's answer; the stream is closed at once. */
    private int streamStatus(DemoProcess demo, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(demo.url(path)))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer.statusCode();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
