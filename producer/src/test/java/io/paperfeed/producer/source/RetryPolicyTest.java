package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void retriableStatusesAreTheTransientOnes() {
        RetryPolicy policy = RetryPolicy.standard();
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(policy.retriable(status), String.valueOf(status));
        }
        for (int status : new int[] {200, 304, 400, 401, 403, 404, 410, 501}) {
            assertFalse(policy.retriable(status), String.valueOf(status));
        }
    }

    @Test
    void delaysGrowExponentiallyWithJitterBetweenHalfAndAllAndAreCapped() {
        RetryPolicy low = new RetryPolicy(10, BASE, MAX, () -> 0.0);
        RetryPolicy high = new RetryPolicy(10, BASE, MAX, () -> 0.999_999);
        assertEquals(Duration.ofSeconds(1), low.delayAfter(1, Optional.empty()).orElseThrow());
        assertEquals(Duration.ofSeconds(2), low.delayAfter(2, Optional.empty()).orElseThrow());
        assertEquals(Duration.ofSeconds(4), low.delayAfter(3, Optional.empty()).orElseThrow());
        assertEquals(Duration.ofMillis(3_999), high.delayAfter(2, Optional.empty()).orElseThrow());
        assertEquals(Duration.ofSeconds(15), low.delayAfter(9, Optional.empty()).orElseThrow());
        assertTrue(high.delayAfter(9, Optional.empty()).orElseThrow().compareTo(MAX) <= 0);
    }

    @Test
    void attemptsAreBounded() {
        RetryPolicy policy = new RetryPolicy(3, BASE, MAX);
        assertTrue(policy.delayAfter(2, Optional.empty()).isPresent());
        assertTrue(policy.delayAfter(3, Optional.empty()).isEmpty());
    }

    @Test
    void retryAfterIsAtLeastWaitedAndTooLongEndsTheRetries() {
        RetryPolicy policy = new RetryPolicy(5, BASE, MAX, () -> 0.0);
        assertEquals(Duration.ofSeconds(20), policy.delayAfter(1, Optional.of(Duration.ofSeconds(20))).orElseThrow());
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1, Optional.of(Duration.ZERO)).orElseThrow());
        assertTrue(policy.delayAfter(1, Optional.of(Duration.ofMinutes(1))).isEmpty());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2025-08-20T04:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(Optional.of("120"), now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryPolicy.parseRetryAfter(Optional.of("Wed, 20 Aug 2025 04:01:30 GMT"), now));
        assertEquals(Optional.of(Duration.ZERO),
                RetryPolicy.parseRetryAfter(Optional.of("Wed, 20 Aug 2025 03:00:00 GMT"), now));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(Optional.of("soon"), now));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(Optional.empty(), now));
    }
}
