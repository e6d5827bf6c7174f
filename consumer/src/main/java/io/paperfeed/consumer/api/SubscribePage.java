package io.paperfeed.consumer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /subscribe}: the subscription page, plain HTML and a little JavaScript with no build step
 * (resource {@code io/paperfeed/consumer/page/subscribe.html}): write a query or pick topics, see the
 * preview as you type, choose a delivery, create, and get the Atom feed's URL.
 */
final class SubscribePage extends ApiHandler {

    static final String MOUNT = "/subscribe";
    private static final String RESOURCE = "/io/paperfeed/consumer/page/subscribe.html";

    private final byte[] page;

    SubscribePage(ApiMetrics metrics) {
        super(MOUNT, metrics);
        try (InputStream in = SubscribePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void handle(Exchange exchange, List<String> segments) {
        requireNoSubpath(exchange, segments);
        requireMethod(exchange, MOUNT, "GET", "HEAD");
        exchange.setHeader("Cache-Control", "no-cache");
        exchange.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        ReaderResponses.bytes(exchange, 200, "text/html; charset=utf-8", page);
    }
}
