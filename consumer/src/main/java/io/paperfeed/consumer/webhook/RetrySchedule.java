package io.paperfeed.consumer.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When failed attempts are tried again. The first attempt is made at once; after attempt {@code n}
 * fails, attempt {@code n + 1} waits {@code delays[n - 1]}, lengthened by up to {@code jitter} of itself
 * at random so that retries to one receiver spread out. A {@code Retry-After} later than that wins,
 * up to {@link #MAX_RETRY_AFTER}. After the last delay is used up, the alert is dead-lettered.
 *
 * @param delays the waits before the 2nd, 3rd, … attempt
 * @param jitter the largest random lengthening, as a fraction of the delay (0.1 = up to 10 % later)
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** The Standard Webhooks suggestion: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10)), 0.1);

    /** A receiver cannot push an attempt further out than this with {@code Retry-After}. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays cannot be negative: " + delays);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a fraction from 0 to 1, not " + jitter);
        }
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * When to make the attempt after {@code failedAttempt} (1-based), or empty when it was the last.
     */
    public Optional<Instant> nextAttemptAt(int failedAttempt, Instant now, Optional<Instant> retryAfter) {
        if (failedAttempt >= maxAttempts()) {
            return Optional.empty();
        }
        Duration delay = delays.get(failedAttempt - 1);
        long extraNanos = (long) (delay.toNanos() * jitter * ThreadLocalRandom.current().nextDouble());
        Instant due = now.plus(delay).plusNanos(extraNanos);
        Instant cap = now.plus(MAX_RETRY_AFTER);
        if (retryAfter.isPresent() && retryAfter.get().isAfter(due)) {
            due = retryAfter.get().isAfter(cap) ? cap : retryAfter.get();
        }
        return Optional.of(due);
    }
}
