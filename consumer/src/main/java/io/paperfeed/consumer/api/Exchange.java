package io.paperfeed.consumer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperfeed.model.serde.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request to the API with its response and the callback that completes it (Jetty's three),
 * and the few things a handler does with them: read the method, path, headers and query, answer
 * JSON or an empty status. An answer is written asynchronously and completes the callback.
 */
final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private Fields query;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    String method() {
        return request.getMethod();
    }

    /** The decoded path, e.g. {@code /subscriptions/kv-watch}. */
    String path() {
        return Request.getPathInContext(request);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter's first value, or null. */
    String query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("bad-query", "the query string is not valid (percent-encoding, UTF-8)");
            }
        }
        return query.getValue(name);
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Whether an answer was started (a stream counts): a later refusal can then only close it. */
    boolean answered() {
        return answered || response.isCommitted();
    }

    /** Hands the exchange to a stream, which completes the callback itself when it ends. */
    void streaming() {
        answered = true;
    }

    /** Answers {@code status} with {@code body} as JSON ({@code 204}: no body). */
    void json(int status, Object body) {
        byte[] bytes;
        try {
            bytes = (Json.MAPPER.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Answers with a status and no body. */
    void status(int status) {
        answered = true;
        response.setStatus(status);
        response.write(true, null, callback);
    }

    void error(ApiError error) {
        error.headers().forEach(this::setHeader);
        json(error.status(), error.body());
    }
}
