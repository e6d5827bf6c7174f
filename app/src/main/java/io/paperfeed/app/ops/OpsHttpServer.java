package io.paperfeed.app.ops;

import io.paperfeed.app.http.HttpServer;
import io.paperfeed.app.http.HttpSettings;
import io.paperfeed.app.http.Responses;
import io.paperfeed.model.serde.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The operations endpoints of every paperfeed process on its {@link HttpServer}: {@code GET /metrics}
 * (Prometheus text) and {@code GET /health} (200 when every check passes, else 503, with a JSON body
 * naming each check); other paths are 404 unless {@link #route} mounts a handler (the API, the demo's
 * {@link StatusPage} at {@code /}).
 */
public final class OpsHttpServer implements AutoCloseable {

    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    /** Binds at once, so a port in use is reported before anything else starts. */
    public OpsHttpServer(HttpSettings settings, Metrics metrics) {
        server = new HttpServer(settings, metrics.registry());
        server.route("/metrics", handler((request, response, callback) -> Responses.get(request, response, callback,
                200, PROMETHEUS_CONTENT_TYPE, metrics.scrape())));
        server.route("/health", handler(this::health));
    }

    /** On {@code host:port} with the default limits, plain HTTP (tests). */
    public OpsHttpServer(String host, int port, Metrics metrics) {
        this(HttpSettings.defaults(host, port), metrics);
    }

    /**
     * Serves more paths (the subscription API, event streams, the status page) from this server; call
     * before {@link #start()}. A path serves itself and everything under it ({@code /} only itself).
     */
    public void route(String path, Handler handler) {
        server.route(path, handler);
    }

    /** Serves {@code path} only, nothing under it; call before {@link #start()}. */
    public void routeExactly(String path, Handler handler) {
        server.routeExactly(path, handler);
    }

    public void addCheck(HealthCheck check) {
        checks.add(check);
    }

    public void start() {
        server.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return server.scheme();
    }

    private void health(Request request, Response response, Callback callback) {
        Map<String, String> components = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (HealthCheck check : checks) {
            String problem = check.problem();
            components.put(check.name(), problem == null ? "UP" : "DOWN: " + problem);
            if (problem != null) {
                problems.add(check.name());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problems.isEmpty() ? "UP" : "DOWN");
        body.put("components", components);
        Responses.get(request, response, callback, problems.isEmpty() ? 200 : 503, "application/json",
                toJson(body) + "\n");
    }

    static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A handler answering every request under its route with {@code answer}. */
    static Handler handler(Answer answer) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                answer.answer(request, response, callback);
                return true;
            }
        };
    }

    /** Writes a whole answer. */
    @FunctionalInterface
    interface Answer {
        void answer(Request request, Response response, Callback callback);
    }

    @Override
    public void close() {
        server.close();
    }
}
