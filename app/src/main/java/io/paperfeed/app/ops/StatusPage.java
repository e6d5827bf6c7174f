package io.paperfeed.app.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.app.http.Responses;
import io.paperfeed.model.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

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
        server.routeExactly("/status.json", statusPage.json());
        server.routeExactly("/", statusPage.page());
    }

    Handler page() {
        return OpsHttpServer.handler((request, response, callback) ->
                Responses.get(request, response, callback, 200, "text/html; charset=utf-8", page));
    }

    Handler json() {
        return OpsHttpServer.handler(this::json);
    }

    private void json(Request request, Response response, Callback callback) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(status.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.getHeaders().put("Cache-Control", "no-store");
        Responses.get(request, response, callback, 200, "application/json", body);
    }
}
