package io.paperfeed.consumer.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one webhook attempt came to. Retriable and permanent failures are told apart here, in
 * {@link #ofStatus}, and nowhere else.
 *
 * @param status     the HTTP status, or 0 when no response came
 * @param error      why it failed, for the retry record and the dead letter; null when delivered
 * @param retryAfter when the receiver asked to be tried again ({@code Retry-After}), if it did
 */
public record SendResult(Outcome outcome, int status, String error, Optional<Instant> retryAfter) {

    /** The kinds of result; each leads to one action of the dispatcher. */
    public enum Outcome {
        /** 2xx: done. */
        DELIVERED,
        /** 408, 429, 5xx, timeouts, connection errors: try again later. */
        RETRIABLE,
        /** any other 4xx (or a 3xx, since redirects are not followed): dead letter at once. */
        REJECTED,
        /** 410 Gone: the receiver wants no more; the subscription is disabled. */
        GONE,
        /** the SSRF guard refused the url's address: dead letter at once, nothing was sent. */
        REFUSED;

        /** The metric tag value. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** The result of a response with this status. */
    public static SendResult ofStatus(int status, Optional<Instant> retryAfter) {
        if (status >= 200 && status < 300) {
            return new SendResult(Outcome.DELIVERED, status, null, Optional.empty());
        }
        String error = "HTTP " + status;
        if (status == 410) {
            return new SendResult(Outcome.GONE, status, error + " Gone", Optional.empty());
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new SendResult(Outcome.RETRIABLE, status, error, retryAfter);
        }
        return new SendResult(Outcome.REJECTED, status, error, Optional.empty());
    }

    /** No response: a timeout or a connection error, worth another try. */
    public static SendResult failed(String error) {
        return new SendResult(Outcome.RETRIABLE, 0, error, Optional.empty());
    }

    /** The guard refused the address. */
    public static SendResult refused(String error) {
        return new SendResult(Outcome.REFUSED, 0, error, Optional.empty());
    }
}
