package io.paperfeed.consumer.atom;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Atom feeds.
 *
 * @param publicUrl   the service's address as readers reach it ({@code https://papers.example.org}), for the
 *                    links in feeds; no trailing slash
 * @param perFeed     entries a feed holds and serves (the latest); default 50
 * @param maxFeeds    feeds held at most (topic and subscription feeds together; the least used go first)
 * @param history     how far back the subscription feeds are read from the alerts and digests topics at start
 */
public record FeedSettings(String publicUrl, int perFeed, int maxFeeds, Duration history) {

    public static final int DEFAULT_PER_FEED = 50;

    public FeedSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.replaceAll("/+$", "");
        if (perFeed < 1 || maxFeeds < 1) {
            throw new IllegalArgumentException("perFeed and maxFeeds must be at least 1");
        }
        Objects.requireNonNull(history, "history");
    }

    /** 50 entries a feed, 20,000 feeds, 30 days of alerts read at start. */
    public static FeedSettings defaults(String publicUrl) {
        return new FeedSettings(publicUrl, DEFAULT_PER_FEED, 20_000, Duration.ofDays(30));
    }
}
