package io.paperfeed.consumer.api;

import io.paperfeed.consumer.atom.EntryLinks;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.atom.ConditionalRequest;
import io.paperfeed.consumer.atom.FeedAnswer;
import io.paperfeed.model.Subscription;
import java.util.Optional;

/**
 * {@code GET /topics/{id}/feed.atom} (public) and {@code GET /subscriptions/{id}/feed.atom?token=…}
 * (the subscription's read token: feed readers send no headers): the Atom documents of
 * {@link AtomFeeds}, with {@code ETag}, {@code Last-Modified} and 304 to a conditional request.
 */
final class FeedEndpoints {

    private final AtomFeeds feeds;
    private final RatingLinks ratingLinks;

    /** @param ratingLinks the links under each entry of a subscription's feed */
    FeedEndpoints(AtomFeeds feeds, RatingLinks ratingLinks) {
        this.feeds = feeds;
        this.ratingLinks = ratingLinks;
    }

    void topic(Exchange exchange, String topicId) {
        ApiHandler.requireMethod(exchange, "/topics/" + topicId + "/feed.atom", "GET", "HEAD");
        Optional<FeedAnswer> answer = feeds.topic(topicId, conditional(exchange));
        if (answer.isEmpty()) {
            throw ApiError.notFound("no topic " + topicId + " in the taxonomy (GET /topics lists them)");
        }
        write(exchange, answer.get(), "public, no-cache");
    }

    void subscription(Exchange exchange, Subscription subscription) {
        ApiHandler.requireMethod(exchange, "/subscriptions/" + subscription.id() + "/feed.atom", "GET", "HEAD");
        // the links are signed with a key of the read token: a rotated token renders the feed anew
        EntryLinks links = new EntryLinks(String.valueOf(subscription.readTokenHash()),
                paper -> RatingLinks.html(ratingLinks.links(subscription, paper.id())));
        write(exchange, feeds.subscription(subscription, conditional(exchange), links), "private, no-cache");
    }

    AtomFeeds feeds() {
        return feeds;
    }

    static ConditionalRequest conditional(Exchange exchange) {
        return new ConditionalRequest(exchange.header("If-None-Match"), exchange.header("If-Modified-Since"));
    }

    static void write(Exchange exchange, FeedAnswer answer, String cacheControl) {
        exchange.setHeader("ETag", answer.etag());
        exchange.setHeader("Last-Modified", ConditionalRequest.httpDate(answer.lastModified()));
        exchange.setHeader("Cache-Control", cacheControl);
        ReaderResponses.bytes(exchange, answer.status(), FeedAnswer.CONTENT_TYPE, answer.body());
    }
}
