package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpExchange;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.atom.ConditionalRequest;
import io.paperfeed.consumer.atom.FeedAnswer;
import io.paperfeed.model.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code GET /topics/{id}/feed.atom} (public) and {@code GET /subscriptions/{id}/feed.atom?token=…}
 * (the subscription's read token: feed readers send no headers): the Atom documents of
 * {@link AtomFeeds}, with {@code ETag}, {@code Last-Modified} and 304 to a conditional request.
 */
final class FeedEndpoints {

    private final AtomFeeds feeds;

    FeedEndpoints(AtomFeeds feeds) {
        this.feeds = feeds;
    }

    void topic(HttpExchange exchange, String topicId) throws IOException {
        ApiHandler.requireMethod(exchange, "/topics/" + topicId + "/feed.atom", "GET", "HEAD");
        Optional<FeedAnswer> answer = feeds.topic(topicId, conditional(exchange));
        if (answer.isEmpty()) {
            throw ApiError.notFound("no topic " + topicId + " in the taxonomy (GET /topics lists them)");
        }
        write(exchange, answer.get(), "public, no-cache");
    }

    void subscription(HttpExchange exchange, Subscription subscription) throws IOException {
        ApiHandler.requireMethod(exchange, "/subscriptions/" + subscription.id() + "/feed.atom", "GET", "HEAD");
        write(exchange, feeds.subscription(subscription, conditional(exchange)), "private, no-cache");
    }

    AtomFeeds feeds() {
        return feeds;
    }

    static ConditionalRequest conditional(HttpExchange exchange) {
        return new ConditionalRequest(exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"));
    }

    static void write(HttpExchange exchange, FeedAnswer answer, String cacheControl) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", answer.etag());
        headers.set("Last-Modified", ConditionalRequest.httpDate(answer.lastModified()));
        headers.set("Cache-Control", cacheControl);
        headers.set("Content-Type", FeedAnswer.CONTENT_TYPE);
        boolean noBody = answer.notModified() || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
