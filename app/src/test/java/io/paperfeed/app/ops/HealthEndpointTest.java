package io.paperfeed.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.serde.Json;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /health} of {@link OpsHttpServer}: 200 with {@code "status":"UP"} when every check passes,
 * 503 with {@code "status":"DOWN"} as soon as one fails, and each check named in {@code components}
 * with its problem. Checks are asked on every request, so health follows them.
 */
class HealthEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void allChecksPassingAnswer200AndNameEachCheckUp() throws Exception {
        try (Served served = serve(HealthCheck.of("kafka", () -> null), HealthCheck.of("streams", () -> null))) {
            HttpResponse<String> response = served.health();

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertEquals("UP", body.path("status").asText());
            assertEquals(Map.of("kafka", "UP", "streams", "UP"), components(body));
        }
    }

    @Test
    void oneFailingCheckAnswers503NamingTheCheckAndItsProblem() throws Exception {
        try (Served served = serve(HealthCheck.of("kafka", () -> null),
                HealthCheck.of("streams", () -> "state REBALANCING"))) {
            HttpResponse<String> response = served.health();

            assertEquals(503, response.statusCode());
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertEquals("DOWN", body.path("status").asText());
            assertEquals(Map.of("kafka", "UP", "streams", "DOWN: state REBALANCING"), components(body));
        }
    }

    @Test
    void healthFollowsACheckThatFailsAndRecovers() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>();
        try (Served served = serve(HealthCheck.of("alert-consumer", problem::get))) {
            assertEquals(200, served.health().statusCode());
            problem.set("stopped: poll failed");
            HttpResponse<String> down = served.health();
            assertEquals(503, down.statusCode());
            assertEquals(Map.of("alert-consumer", "DOWN: stopped: poll failed"), components(Json.MAPPER.readTree(down.body())));
            problem.set(null);
            assertEquals(200, served.health().statusCode());
        }
    }

    @Test
    void anUnreachableBrokerAnswers503FromTheBrokerCheck() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + unusedPort()));
             Served served = serve(new BrokerHealthCheck(admin))) {
            HttpResponse<String> response = served.health();

            assertEquals(503, response.statusCode());
            String kafka = components(Json.MAPPER.readTree(response.body())).get("kafka");
            assertTrue(kafka.startsWith("DOWN: broker unreachable"), kafka);
        }
    }

    @Test
    void aStreamsAppThatIsNotRunningAnswers503FromTheStreamsCheck(@TempDir Path state) throws Exception {
        StreamsSettings settings = new StreamsSettings("127.0.0.1:" + unusedPort(), "health-endpoint-test", state, 1,
                StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION);
        try (StreamsService streams = new StreamsService(settings, 1, new SimpleMeterRegistry()); // created, not started
             Served served = serve(HealthCheck.of("kafka", () -> null), new StreamsHealthCheck(streams))) {
            HttpResponse<String> response = served.health();

            assertEquals(503, response.statusCode());
            assertEquals(Map.of("kafka", "UP", "streams", "DOWN: state CREATED"),
                    components(Json.MAPPER.readTree(response.body())));
        }
    }

    private Served serve(HealthCheck... checks) {
        Metrics metrics = new Metrics("test");
        OpsHttpServer server = new OpsHttpServer("127.0.0.1", 0, metrics);
        for (HealthCheck check : checks) {
            server.addCheck(check);
        }
        server.start();
        return new Served(metrics, server);
    }

    private final class Served implements AutoCloseable {
        final Metrics metrics;
        final OpsHttpServer server;

        Served(Metrics metrics, OpsHttpServer server) {
            this.metrics = metrics;
            this.server = server;
        }

        HttpResponse<String> health() throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.close();
            metrics.close();
        }
    }

    private static Map<String, String> components(JsonNode body) {
        Map<String, String> components = new java.util.TreeMap<>();
        body.path("components").properties().forEach(e -> components.put(e.getKey(), e.getValue().asText()));
        return components;
    }

    /** A port nothing listens on (bound, then released). */
    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
