package io.paperfeed.consumer.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.jetty.server.Request;

/** Reads a JSON request body: the content type must be JSON and the body at most {@link #MAX_BYTES}. */
final class RequestBodies {

    /** 64 KiB: a subscription is a few hundred bytes. */
    static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    static byte[] readJson(Exchange exchange) {
        String type = exchange.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new ApiError(415, "unsupported-media-type", "the body must be JSON (Content-Type: application/json), not "
                    + (type == null ? "a body without Content-Type" : "that type"));
        }
        if (exchange.request().getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = Request.asInputStream(exchange.request())) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiError.badRequest("bad-body", "the request body could not be read in full");
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too-large", "the body is larger than " + MAX_BYTES + " bytes")
                .detail("maxBytes", MAX_BYTES);
    }
}
