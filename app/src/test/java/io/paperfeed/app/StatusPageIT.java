package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The status page of {@code paperfeed demo} in a real browser: headless Chromium (Debian's package)
 * renders {@code /} after the demo processed the seeds; the rendered DOM shows the number of papers,
 * topic names and alert titles from {@code /status.json}, and a screenshot lands in
 * target/status-page.png. Skips, saying why, where Chromium cannot be found or installed.
 *
 * <p>The browser loads {@code /?live=0}: an open Server-Sent Events stream keeps Chromium's virtual
 * clock from advancing ({@code --virtual-time-budget} waits for pending requests), so the page is
 * checked in its polling mode, which shows the same figures.
 */
class StatusPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRenderedPageShowsThePapersTopicsAndLatestAlerts() throws Exception {
        Optional<Path> chromium = ExternalTool.find("chromium", List.of("chromium"), false);
        assumeTrue(chromium.isPresent(), "chromium is not on PATH and could not be installed"
                + " (apt-get install -y chromium needs root and a reachable Debian mirror)");
        try (DemoProcess demo = new DemoProcess("status-page-it-demo.log")) {
            demo.awaitPort();
            demo.awaitThrough();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(demo).path("latestAlerts").size() == 20);
            JsonNode status = status(demo);
            long papers = status.path("stages").path("new papers").asLong();
            assertEquals(107, papers, "the seeds are 107 papers");
            String topic = status.path("topics").fieldNames().next();
            String alertTitle = status.path("latestAlerts").get(0).path("title").asText();

            assertEquals(404, get(demo, "/no-such-page").statusCode(), "unknown paths stay 404");
            HttpResponse<String> page = get(demo, "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));

            String dom = run(chromium.get(), "--dump-dom", demo.url("/?live=0"));
            assertTrue(dom.contains("<span id=\"papers\" class=\"big\">" + papers + "</span>"),
                    "the headline shows " + papers + " papers: " + dom);
            assertTrue(dom.contains(">" + topic + "<"), "the topic " + topic + " is listed");
            assertTrue(dom.contains(escape(alertTitle)), "the latest alert '" + alertTitle + "' is listed");

            Path screenshot = Path.of("target", "status-page.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            run(chromium.get(), "--screenshot=" + screenshot, demo.url("/?live=0"));
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the rendered page: " + screenshot);
        }
    }

    private JsonNode status(DemoProcess demo) throws IOException, InterruptedException {
        return JSON.readTree(get(demo, "/status.json").body());
    }

    private HttpResponse<String> get(DemoProcess demo, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(demo.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs headless Chromium on the URL and returns its standard output. */
    private static String run(Path chromium, String mode, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--window-size=1280,900", "--virtual-time-budget=5000",
                "--user-data-dir=" + Path.of("target", "chromium-profile").toAbsolutePath(), mode, url));
        Path out = Path.of("target", "chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(Path.of("target", "chromium.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) { // never hang the build on a browser that does not exit
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s; see target/chromium.log");
        }
        assertEquals(0, process.exitValue(), "chromium's exit code; see target/chromium.log");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
