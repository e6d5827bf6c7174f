package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How far a paper has come, as a sighting's source tells it: a preprint (arXiv, bioRxiv, …), under
 * review (a submission to a venue), or published (a journal or proceedings version, or a preprint
 * whose server names the published DOI). A canonical paper keeps the furthest any sighting gave.
 */
public enum PaperStatus {
    PREPRINT, UNDER_REVIEW, PUBLISHED;

    /** The JSON name: {@code preprint}, {@code under_review} or {@code published}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name (any case). */
    @JsonCreator
    public static PaperStatus of(String value) {
        return Enums.parse(PaperStatus.class, value, "status");
    }

    /** The further of two statuses (null counts as unknown, the least). */
    public static PaperStatus furthest(PaperStatus a, PaperStatus b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() >= b.ordinal() ? a : b;
    }
}
