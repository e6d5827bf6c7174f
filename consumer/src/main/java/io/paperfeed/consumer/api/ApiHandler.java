package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.StreamUnavailableException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of the API's handlers (Jetty core handlers): takes the requests under its mount point
 * (the path itself and everything below it; others are left to the next handler), splits the path,
 * turns every refusal ({@link ApiError}, an unreadable stream, a bug) into a JSON error answer, and
 * counts it. What Jetty finds malformed while the handler reads the request (a bad query string) is a 400.
 * A bug is logged with the method and path (never the query string, which may hold a
 * token) and answered {@code 500 internal error}, without the exception's text.
 */
abstract class ApiHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final String mount;
    private final ApiMetrics metrics;

    ApiHandler(String mount, ApiMetrics metrics) {
        this.mount = mount;
        this.metrics = metrics;
    }

    /** Handles one request; {@code segments} are the path's parts after the mount point. */
    abstract void handle(Exchange exchange, List<String> segments) throws InterruptedException;

    /** Whether this handler serves the path: the mount point itself or anything under it. */
    boolean serves(String path) {
        return path.equals(mount) || path.startsWith(mount + "/");
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!serves(path)) {
            return false;
        }
        Exchange exchange = new Exchange(request, response, callback);
        try {
            handle(exchange, segments(path));
        } catch (ApiError e) {
            refuse(exchange, e);
        } catch (StreamUnavailableException e) {
            refuse(exchange, new ApiError(503, "unavailable", e.getMessage()).header("Retry-After", "5"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(exchange, new ApiError(503, "unavailable", "the server is stopping"));
        } catch (HttpException.RuntimeException | HttpException.IllegalArgumentException e) {
            int status = ((HttpException) e).getCode();
            refuse(exchange, new ApiError(status < 500 ? status : 400, "bad-request", "the request is not valid: "
                    + org.eclipse.jetty.http.HttpStatus.getMessage(status)));
        } catch (RuntimeException e) {
            log.error("{} {} failed", request.getMethod(), path, e);
            refuse(exchange, new ApiError(500, "internal", "internal error; the server log has the details"));
        }
        return true;
    }

    private void refuse(Exchange exchange, ApiError error) {
        metrics.refused(error);
        if (!exchange.answered()) {
            exchange.error(error);
        } else if (!exchange.response().isCommitted()) {
            exchange.callback().failed(error);
        }
    }

    private List<String> segments(String path) {
        String rest = path.length() > mount.length() ? path.substring(mount.length()) : "";
        return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** A 404 for any path below the mount point of a handler that serves only the mount point itself. */
    static void requireNoSubpath(Exchange exchange, List<String> segments) {
        if (!segments.isEmpty()) {
            throw ApiError.notFound("no such resource: " + exchange.path());
        }
    }

    static void requireMethod(Exchange exchange, String path, String... allowed) {
        if (!Arrays.asList(allowed).contains(exchange.method())) {
            throw ApiError.methodNotAllowed(exchange.method(), path, String.join(", ", allowed));
        }
    }
}
