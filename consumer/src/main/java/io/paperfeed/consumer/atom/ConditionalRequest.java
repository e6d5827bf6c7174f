package io.paperfeed.consumer.atom;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The validators of a conditional GET (RFC 9110 §13): {@code If-None-Match} (weak comparison, {@code *}
 * included) decides when present; otherwise {@code If-Modified-Since}. A date that does not parse is
 * ignored, as the RFC says.
 */
public record ConditionalRequest(String ifNoneMatch, String ifModifiedSince) {

    /** A request without validators. */
    public static final ConditionalRequest NONE = new ConditionalRequest(null, null);

    /** Whether a document with this ETag and last modification is what the client already has. */
    boolean notModified(String etag, Instant lastModified) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                    .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque(etag)));
        }
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** An HTTP date ({@code Last-Modified}), in the IMF-fixdate form RFC 9110 asks for: {@code Tue, 01 Dec 2026 12:05:36 GMT}. */
    public static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(java.time.ZoneOffset.UTC));
    }

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.US);
}
