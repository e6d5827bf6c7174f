package io.paperfeed.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.paperfeed.app.cli.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.model.serde.Json;

/**
 * The operations endpoints of every paperfeed process: {@code GET /metrics} (Prometheus text) and
 * {@code GET /health} (200 when every check passes, else 503, with a JSON body naming each check);
 * other paths are 404 unless {@link #route} mounts a handler (the demo mounts {@link StatusPage} at
 * {@code /}).
 */
public final class OpsHttpServer implements AutoCloseable {

    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    /** Cached: a Server-Sent Events stream holds its thread for as long as the client stays. */
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "paperfeed-http");
        t.setDaemon(true);
        return t;
    });
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    /** Binds at once, so a port in use is reported before anything else starts. */
    public OpsHttpServer(String host, int port, Metrics metrics) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new UserError("port " + port + " on " + host + " is already in use (choose another with --port, or --port 0 for a free one)");
        } catch (IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_CONTENT_TYPE, metrics.scrape()));
        server.createContext("/health", this::health);
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
    }

    /**
     * Serves more paths (the subscription API, event streams, the status page) from this server; call
     * before {@link #start()}. A path serves itself and everything under it, as in {@link HttpServer#createContext}.
     */
    public void route(String path, HttpHandler handler) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException noneYet) {
            // the usual case: only "/" (not found) is there from the start
        }
        server.createContext(path, handler);
    }

    public void addCheck(HealthCheck check) {
        checks.add(check);
    }

    public void start() {
        server.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
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
        respond(exchange, problems.isEmpty() ? 200 : 503, "application/json", toJson(body) + "\n");
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers GET and HEAD with the body, anything else with 405; closes the exchange. */
    static void respond(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
