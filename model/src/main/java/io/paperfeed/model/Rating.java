package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's rating of one paper for one subscription: {@code 1} (more like this) or {@code -1}
 * (not this). Published to the compacted {@code paperfeed.feedback} keyed by {@link #key}: a later rating
 * of the same paper replaces the earlier one, a tombstone withdraws it. It carries the paper's embedding,
 * so every streams instance updates the subscription's profile without looking the paper up.
 */
public record Rating(String subscriptionId, String paper, int rating, String title, PaperEmbedding embedding,
                     Instant ratedAt) {

    public Rating {
        Provenance.requireText(subscriptionId, "subscriptionId");
        Provenance.requireText(paper, "paper");
        if (rating != 1 && rating != -1) {
            throw new IllegalArgumentException("a rating is 1 (more like this) or -1 (not this), not " + rating);
        }
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }

    /** The record key: {@code <subscription id>|<paper id>} ('|' is in no subscription id). */
    public static String key(String subscriptionId, String paper) {
        return subscriptionId + "|" + paper;
    }

    /** The subscription id of a record key. */
    public static String subscriptionOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    public String key() {
        return key(subscriptionId, paper);
    }

    public boolean positive() {
        return rating > 0;
    }
}
