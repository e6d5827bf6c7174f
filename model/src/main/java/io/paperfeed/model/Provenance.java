package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one input item came from: the source (file path or URL), the format it was parsed as, its
 * position in the source (1-based line or entry number) and when it was fetched.
 */
public record Provenance(String source, String format, int position, Instant fetchedAt) {

    public Provenance {
        requireText(source, "source");
        requireText(format, "format");
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** The key of this item on {@code paperfeed.papers.raw}: unique per source and position. */
    public String itemKey() {
        return source + "#" + position;
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
