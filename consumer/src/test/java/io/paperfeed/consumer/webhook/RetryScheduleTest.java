package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theStandardScheduleHasEightAttemptsWithJitterOnlyLater() {
        RetrySchedule s = RetrySchedule.STANDARD;
        assertEquals(8, s.maxAttempts());
        List<Duration> expected = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        for (int failed = 1; failed < 8; failed++) {
            Duration base = expected.get(failed - 1);
            Instant next = s.nextAttemptAt(failed, NOW, Optional.empty()).orElseThrow();
            Duration wait = Duration.between(NOW, next);
            assertTrue(wait.compareTo(base) >= 0 && wait.compareTo(base.multipliedBy(11).dividedBy(10)) <= 0,
                    "after attempt " + failed + ": " + wait);
        }
        assertEquals(Optional.empty(), s.nextAttemptAt(8, NOW, Optional.empty()), "the 8th failure is the last");
    }

    @Test
    void retryAfterWinsOnlyWhenLaterAndIsCapped() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ofMinutes(1)), 0);
        assertEquals(NOW.plusSeconds(60), s.nextAttemptAt(1, NOW, Optional.of(NOW.plusSeconds(10))).orElseThrow());
        assertEquals(NOW.plusSeconds(600), s.nextAttemptAt(1, NOW, Optional.of(NOW.plusSeconds(600))).orElseThrow());
        assertEquals(NOW.plus(RetrySchedule.MAX_RETRY_AFTER),
                s.nextAttemptAt(1, NOW, Optional.of(NOW.plus(Duration.ofDays(30)))).orElseThrow());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:10:00Z")),
                RetryAfter.parse("Thu, 01 Jan 2026 00:10:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void statusesAreToldApartInOnePlace() {
        assertEquals(SendResult.Outcome.DELIVERED, SendResult.ofStatus(204, Optional.empty()).outcome());
        assertEquals(SendResult.Outcome.GONE, SendResult.ofStatus(410, Optional.empty()).outcome());
        for (int retriable : new int[] {408, 429, 500, 502, 503, 504}) {
            assertEquals(SendResult.Outcome.RETRIABLE, SendResult.ofStatus(retriable, Optional.empty()).outcome());
        }
        for (int permanent : new int[] {301, 400, 401, 403, 404, 413, 422}) {
            assertEquals(SendResult.Outcome.REJECTED, SendResult.ofStatus(permanent, Optional.empty()).outcome());
        }
    }
}
