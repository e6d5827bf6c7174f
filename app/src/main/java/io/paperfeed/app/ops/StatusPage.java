package io.paperfeed.app.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The status page for people without Grafana: {@code GET /} serves a static page that polls
 * {@code GET /status.json} ({@link PipelineStatus}) and, when the process names a live subscription,
 * follows its alerts through {@code /subscriptions/<id>/events} (Server-Sent Events). Any other
 * path under {@code /} that no other route serves stays 404.
 */
public final class StatusPage {

    static final String PAGE_RESOURCE = "status.html";
    private final byte[] page;
    private final Supplier<PipelineStatus> status;

    StatusPage(Supplier<PipelineStatus> status) {
        this.status = status;
        try (InputStream in = StatusPage.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + PAGE_RESOURCE + " is missing from the jar");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Mounts the page and its JSON on the server: figures from the registry, alerts from
     * {@code latest}, live alerts of {@code liveSubscription} (null: polling only).
     */
    public static void mount(OpsHttpServer server, MeterRegistry registry, LatestAlerts latest,
                             String liveSubscription) {
        StatusPage statusPage = new StatusPage(
                () -> PipelineStatus.of(registry, latest.newestFirst(), liveSubscription));
        server.route("/status.json", statusPage::json);
        server.route("/", statusPage::page);
    }

    void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            OpsHttpServer.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        OpsHttpServer.respond(exchange, 200, "text/html; charset=utf-8", page);
    }

    void json(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/status.json")) {
            OpsHttpServer.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(status.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        OpsHttpServer.respond(exchange, 200, "application/json", body);
    }
}
