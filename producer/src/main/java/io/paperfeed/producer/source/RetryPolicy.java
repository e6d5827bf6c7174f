package io.paperfeed.producer.source;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try an HTTP request again: on 408, 429, 500, 502, 503, 504 and on connection errors and
 * timeouts, at most {@code maxAttempts} times in all, waiting an exponentially growing delay with
 * jitter ({@code base * 2^(n-1)}, capped at {@code maxDelay}, then between half and all of it) or
 * what the server's {@code Retry-After} asks, whichever is longer. A {@code Retry-After} over
 * {@code maxDelay} ends the retries: the next poll tries again. The one place that tells retriable
 * from permanent failures.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    /** 4 attempts, from 5 s apart, never waiting more than 5 minutes. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, baseDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** True for the statuses worth another attempt. */
    public boolean retriable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before another attempt after {@code failedAttempts} failed ones, or empty when no
     * attempt is left or the server asks to wait longer than {@code maxDelay}.
     */
    public Optional<Duration> delayAfter(int failedAttempts, Optional<Duration> retryAfter) {
        if (failedAttempts >= maxAttempts || retryAfter.filter(d -> d.compareTo(maxDelay) > 0).isPresent()) {
            return Optional.empty();
        }
        long capped = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(failedAttempts - 1, 30));
        Duration jittered = Duration.ofMillis((long) (capped * (0.5 + 0.5 * random.getAsDouble())));
        return Optional.of(retryAfter.filter(d -> d.compareTo(jittered) > 0).orElse(jittered));
    }

    /** A {@code Retry-After} value: delay seconds or an HTTP-date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
