package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.paperfeed.consumer.sse.StreamUnavailableException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of the API's handlers: splits the path under the mount point, turns every refusal
 * ({@link ApiError}, an unreadable stream, a bug) into a JSON error answer, and counts it.
 */
abstract class ApiHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final String mount;
    private final ApiMetrics metrics;

    ApiHandler(String mount, ApiMetrics metrics) {
        this.mount = mount;
        this.metrics = metrics;
    }

    /** Handles one request; {@code segments} are the path's parts after the mount point. */
    abstract void handle(HttpExchange exchange, List<String> segments) throws IOException, InterruptedException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                handle(exchange, segments(exchange.getRequestURI().getPath()));
            } catch (ApiError e) {
                refuse(exchange, e);
            } catch (StreamUnavailableException e) {
                refuse(exchange, new ApiError(503, "unavailable", e.getMessage()).header("Retry-After", "5"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refuse(exchange, new ApiError(503, "unavailable", "the server is stopping"));
            } catch (RuntimeException e) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                refuse(exchange, new ApiError(500, "internal", "internal error: " + e));
            }
        }
    }

    private void refuse(HttpExchange exchange, ApiError error) throws IOException {
        metrics.refused(error);
        if (exchange.getResponseCode() == -1) {
            HttpResponses.error(exchange, error);
        }
    }

    private List<String> segments(String path) {
        String rest = path.length() > mount.length() ? path.substring(mount.length()) : "";
        return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    static void requireMethod(HttpExchange exchange, String path, String... allowed) {
        if (!Arrays.asList(allowed).contains(exchange.getRequestMethod())) {
            throw ApiError.methodNotAllowed(exchange.getRequestMethod(), path, String.join(", ", allowed));
        }
    }
}
