package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An input item that could not become a paper: why, where it came from and an excerpt, so nothing
 * is lost silently. Published to {@code paperfeed.papers.invalid}.
 *
 * @param reason  a short, low-cardinality code (also the metric tag), e.g. {@code no-abstract}
 * @param detail  the human-readable explanation
 * @param stage   which service rejected it: {@code producer} or {@code streams}
 * @param excerpt at most {@link #EXCERPT_LIMIT} characters of the item
 */
public record InvalidItem(
        String reason,
        String detail,
        String stage,
        Provenance source,
        String excerpt,
        Instant at) {

    /** The longest excerpt kept of an invalid item. */
    public static final int EXCERPT_LIMIT = 500;

    public InvalidItem {
        Provenance.requireText(reason, "reason");
        Provenance.requireText(stage, "stage");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
        excerpt = excerpt == null ? "" : excerptOf(excerpt);
    }

    /** The first {@link #EXCERPT_LIMIT} characters of a text, marked when cut. */
    public static String excerptOf(String text) {
        return text.length() <= EXCERPT_LIMIT ? text : text.substring(0, EXCERPT_LIMIT - 1) + "…";
    }
}
