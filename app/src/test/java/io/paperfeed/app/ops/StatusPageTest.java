package io.paperfeed.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {

    @Test
    void statusCountsEveryStageFromTheRegistryAndListsTopicsByPapers() {
        MeterRegistry registry = new Metrics("test").registry();
        count(registry, "paperfeed.producer.items", 5, "source", "seeds", "format", "hf", "outcome", "published");
        count(registry, "paperfeed.producer.items", 2, "source", "seeds", "format", "rss", "outcome", "published");
        count(registry, "paperfeed.producer.items", 9, "source", "seeds", "format", "rss", "outcome", "skipped");
        count(registry, "paperfeed.streams.papers", 6, "change", "NEW");
        count(registry, "paperfeed.papers.topics", 1, "topic", "rag");
        count(registry, "paperfeed.papers.topics", 4, "topic", "kv-cache");
        Alert alert = alert();

        PipelineStatus status = PipelineStatus.of(registry, List.of(alert), "all-papers");

        assertEquals(7L, status.stages().get("items published"), "published only, summed over formats");
        assertEquals(6L, status.stages().get("new papers"));
        assertEquals(0L, status.stages().get("alerts delivered"));
        assertEquals(List.of("kv-cache", "rag"), List.copyOf(status.topics().keySet()));
        assertEquals("A title", status.latestAlerts().get(0).title());
        assertEquals(List.of("kv-cache"), status.latestAlerts().get(0).topics());
    }

    @Test
    void thePageIsAtTheRootTheFiguresAtStatusJsonAndOtherPathsStay404() throws Exception {
        try (Metrics metrics = new Metrics("test");
             OpsHttpServer server = new OpsHttpServer("127.0.0.1", 0, metrics)) {
            StatusPage page = new StatusPage(() -> PipelineStatus.of(metrics.registry(), List.of(alert()), null));
            server.routeExactly("/status.json", page.json());
            server.routeExactly("/", page.page());
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> root = get(http, base + "/");
            assertEquals(200, root.statusCode());
            assertTrue(root.body().contains("EventSource") && root.body().contains("/status.json"));
            JsonNode json = Json.MAPPER.readTree(get(http, base + "/status.json").body());
            assertEquals("arxiv:2501.00001", json.path("latestAlerts").get(0).path("paperId").asText());
            assertTrue(json.path("liveSubscription").isNull());
            assertEquals(404, get(http, base + "/nothing-here").statusCode());
            assertEquals(404, get(http, base + "/status.json/x").statusCode());
            assertEquals(200, get(http, base + "/health").statusCode());
            assertTrue(get(http, base + "/metrics").body().contains("jvm_memory_used_bytes"));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void count(MeterRegistry registry, String name, double amount, String... tags) {
        Counter.builder(name).tags(tags).register(registry).increment(amount);
    }

    private static Alert alert() {
        PaperEvent e = new PaperEvent("2501.00001", 1, null, "A title", "An abstract.", null, null, null, null, null,
                new Provenance("seeds/x.txt", "f", 1, Instant.EPOCH));
        CanonicalPaper paper = CanonicalPaper.firstSighting("arxiv:2501.00001", e);
        paper = paper.withTopics(List.of(new io.paperfeed.model.TopicMatch("kv-cache", 1.0, List.of("kv"))));
        return new Alert("alert_1", "all-papers", paper, List.of(), List.of(), Instant.EPOCH);
    }
}
