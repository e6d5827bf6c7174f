package io.paperfeed.consumer.atom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The dates feeds give papers ({@code 2025-07-28}, {@code 2022-02-24T15:05:19Z}, …) as instants. */
final class FeedTimes {

    private FeedTimes() {
    }

    /** The instant the text names, or null when it names none (e.g. {@code Aug 29}, a day without a year). */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
