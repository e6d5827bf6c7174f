package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard against real data: a real Prometheus (Debian's package) scrapes a running
 * {@code paperfeed demo} every second, and every PromQL query of every panel of
 * deploy/grafana/dashboards/paperfeed.json, with Grafana's variables replaced, must return at least
 * one series. Skips, saying why, where Prometheus cannot be found or installed.
 */
class DashboardQueriesIT {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "paperfeed.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A panel's query, by panel title and refId. */
    record PanelQuery(String panel, String refId, String expr) {
        String promql() {
            return expr.replace("$__rate_interval", "1m").replace("$__interval", "5s").replace("$__range", "5m");
        }
    }

    static List<PanelQuery> panelQueries() throws IOException {
        List<PanelQuery> queries = new ArrayList<>();
        collect(JSON.readTree(DASHBOARD.toFile()).path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<PanelQuery> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                into.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText()));
            }
            collect(panel.path("panels"), into);
        }
    }

    @Test
    void everyPanelQueryReturnsDataFromARunningDemo() throws Exception {
        Optional<Path> prometheus = ExternalTool.find("prometheus", List.of("prometheus"), true);
        assumeTrue(prometheus.isPresent(), "prometheus is not on PATH, not in target/tools, and could not be"
                + " installed (apt-get download prometheus / apt-get install -y prometheus failed)");
        List<PanelQuery> queries = panelQueries();
        assertTrue(queries.size() >= 20, "the dashboard has its panels: " + queries.size());

        long demoStarted = System.nanoTime();
        try (DemoProcess demo = new DemoProcess("dashboard-queries-it-demo.log")) {
            int demoPort = demo.awaitPort();
            int promPort = freePort();
            Path work = Path.of("target", "prometheus-it");
            ExternalTool.deleteQuietly(work);
            Files.createDirectories(work);
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: demo
                        metrics_path: /metrics
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(demoPort));
            Process server = new ProcessBuilder(prometheus.get().toString(), "--config.file=" + config,
                    "--web.listen-address=127.0.0.1:" + promPort, "--storage.tsdb.path=" + work.resolve("data"))
                    .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
            try {
                String api = "http://127.0.0.1:" + promPort + "/api/v1/";
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> query(api, "up{job=\"demo\"} == 1").size() == 1);
                demo.awaitThrough();
                // every alert delivered, and a few scrapes after it, so rates over the last minute see the run
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                        query(api, "paperfeed_consumer_alerts_total{outcome=\"delivered\"} > 100").size() == 1);
                // a fresh list on every poll, asserted inside the condition: the failure names every panel
                // query that still had no data when the time ran out
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertEquals(List.of(), withoutData(api, queries),
                                "panel queries without data from the demo"));
                System.out.printf("dashboard: all %d panel queries return data from the demo%n", queries.size());
                // over ten minutes, longer than the whole run: over one, a slow machine's last delivery can be
                // more than a minute old by now, and a rate of 0 over 0 is NaN
                JsonNode p95 = query(api, "histogram_quantile(0.95, sum by (le) "
                        + "(rate(paperfeed_alert_latency_seconds_bucket[10m])))");
                assertEquals(1, p95.size(), () -> "one p95 latency series: " + p95);
                double latency = p95.get(0).path("value").get(1).asDouble();
                System.out.printf("dashboard: end-to-end latency p95 %.2f s (sighting to alert delivered)%n",
                        latency);
                // no alert of this run can have taken longer than the demo has been running; histogram_quantile
                // interpolates within a bucket (Micrometer's buckets are about a third apart), hence the 1.5
                double demoSeconds = (System.nanoTime() - demoStarted) / 1e9;
                assertTrue(latency > 0 && latency <= 1.5 * demoSeconds, "a real p95 latency of the demo's alerts: "
                        + latency + " s, the demo has run " + demoSeconds + " s");
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** The panel queries whose instant query returns no series, each named by panel and refId. */
    private List<String> withoutData(String api, List<PanelQuery> queries) throws IOException, InterruptedException {
        List<String> empty = new ArrayList<>();
        for (PanelQuery q : queries) {
            if (query(api, q.promql()).isEmpty()) {
                empty.add(q.panel() + " [" + q.refId() + "]: " + q.promql());
            }
        }
        return empty;
    }

    /** The result vector of an instant query; fails on a query error (bad PromQL). */
    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("success", body.path("status").asText(), () -> promql + ": " + response.body());
        return body.path("data").path("result");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
