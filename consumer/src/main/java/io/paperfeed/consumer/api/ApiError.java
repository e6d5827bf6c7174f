package io.paperfeed.consumer.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses: the HTTP status, a low-cardinality {@code reason} (also the tag of
 * {@code paperfeed.api.errors}) and a message saying what is wrong, sent as
 * {@code {"error": message, "reason": reason, "status": status, ...details}}.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final transient Map<String, Object> details = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static ApiError badRequest(String reason, String message) {
        return new ApiError(400, reason, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not-found", message);
    }

    static ApiError methodNotAllowed(String method, String path, String allow) {
        return new ApiError(405, "method-not-allowed", method + " is not allowed on " + path + "; use " + allow)
                .header("Allow", allow).detail("allow", allow);
    }

    ApiError detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Map<String, String> headers() {
        return headers;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.put("reason", reason);
        body.put("status", status);
        body.putAll(details);
        return body;
    }
}
