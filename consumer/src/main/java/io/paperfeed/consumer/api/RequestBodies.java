package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads a JSON request body: the content type must be JSON and the body at most {@link #MAX_BYTES}. */
final class RequestBodies {

    /** 64 KiB: a subscription is a few hundred bytes. */
    static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    static byte[] readJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new ApiError(415, "unsupported-media-type", "the body must be JSON (Content-Type: application/json), not "
                    + (type == null ? "a body without Content-Type" : type));
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too-large", "the body is larger than " + MAX_BYTES + " bytes")
                .detail("maxBytes", MAX_BYTES);
    }
}
