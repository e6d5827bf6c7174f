package io.paperfeed.producer.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The per-host gap: measured from the end of the last request, per host (names in any case),
 * interruptible. Whether an acquire waits is observed, not timed: a waiting caller sleeps
 * ({@link Thread.State#TIMED_WAITING}), one that may go ahead returns its permit. The fake clock
 * decides how long the gap still runs; the hour-long gaps make a wrong "may go ahead" impossible
 * to miss.
 */
class HostRateLimiterTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void requestsToOneHostStartAtLeastTheGapApartOnTheRealClock() throws Exception {
        Duration gap = Duration.ofMillis(150);
        HostRateLimiter limiter = new HostRateLimiter(gap);
        List<long[]> spans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HostRateLimiter.Permit permit = limiter.acquire("export.arxiv.org");
            long start = System.nanoTime();
            spans.add(new long[] {start, System.nanoTime()}); // the request itself takes no time here
            permit.close();
        }
        for (int i = 1; i < spans.size(); i++) {
            long idle = spans.get(i)[0] - spans.get(i - 1)[1];
            // a lower bound only: a busy machine makes the gap longer, never shorter
            assertTrue(idle >= gap.toNanos(), "only " + idle / 1_000 + " µs between requests");
        }
    }

    @Test
    void theGapRunsFromTheEndOfTheLastRequestNotItsStart() throws Exception {
        AtomicLong clock = new AtomicLong();
        HostRateLimiter limiter = new HostRateLimiter(HOUR, clock::get);
        HostRateLimiter.Permit first = limiter.acquire("export.arxiv.org");
        clock.addAndGet(HOUR.multipliedBy(2).toNanos()); // a slow request: two hours
        first.close();
        clock.addAndGet(HOUR.dividedBy(2).toNanos()); // 2.5 h after its start, 0.5 h after its end

        assertWaits(limiter, "export.arxiv.org", "half the gap after the end of the last request");

        clock.addAndGet(HOUR.toNanos()); // 1.5 h after its end
        assertGoesAhead(limiter, "export.arxiv.org", "the whole gap after the end of the last request");
    }

    @Test
    void anotherHostDoesNotWait() throws Exception {
        AtomicLong clock = new AtomicLong();
        HostRateLimiter limiter = new HostRateLimiter(HOUR, clock::get);
        limiter.acquire("a.example").close();

        assertGoesAhead(limiter, "b.example", "another host, right after a request to a.example");
        assertWaits(limiter, "a.example", "the same host, right after its request");
    }

    @Test
    void hostNamesDifferingOnlyInCaseShareOneGap() throws Exception {
        AtomicLong clock = new AtomicLong();
        HostRateLimiter limiter = new HostRateLimiter(HOUR, clock::get);
        limiter.acquire("a.example").close();

        assertWaits(limiter, "A.EXAMPLE", "A.EXAMPLE right after a request to a.example");
        assertWaits(limiter, "A.Example", "A.Example right after a request to a.example");
    }

    @Test
    void waitingEndsWhenInterrupted() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(HOUR);
        limiter.acquire("h").close();
        Attempt attempt = Attempt.start(limiter, "h");
        await().until(attempt::isWaiting);
        attempt.thread.interrupt();
        await().until(attempt::isDone);
        assertEquals(InterruptedException.class, attempt.outcome.get().getClass());
    }

    @Test
    void aHostWithAGapOfItsOwnWaitsThatLong() throws Exception {
        AtomicLong clock = new AtomicLong();
        HostRateLimiter limiter = new HostRateLimiter(HOUR, java.util.Map.of("Slow.Example", HOUR.multipliedBy(3)),
                clock::get);
        limiter.acquire("slow.example").close();
        limiter.acquire("fast.example").close();
        clock.addAndGet(HOUR.multipliedBy(2).toNanos());

        assertGoesAhead(limiter, "fast.example", "the default gap has passed");
        assertWaits(limiter, "slow.example", "two hours into its own gap of three");
        assertEquals(HOUR.multipliedBy(3), limiter.gap("SLOW.example"));
        assertEquals(HOUR, limiter.gap("other.example"));

        clock.addAndGet(HOUR.multipliedBy(2).toNanos());
        assertGoesAhead(limiter, "slow.example", "its own gap has passed");
    }

    @Test
    void aNegativeGapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostRateLimiter(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new HostRateLimiter(Duration.ZERO, java.util.Map.of("h", Duration.ofMillis(-1))));
    }

    /** The acquire waits for the gap: its thread sleeps and has not got a permit; it is then interrupted. */
    private static void assertWaits(HostRateLimiter limiter, String host, String when) throws InterruptedException {
        Attempt attempt = Attempt.start(limiter, host);
        await().until(() -> attempt.isWaiting() || attempt.isDone());
        Throwable outcome = attempt.outcome.get();
        attempt.thread.interrupt();
        attempt.thread.join();
        assertNull(outcome, () -> when + ": " + host + " should wait for the gap but " + describe(outcome));
    }

    /** The acquire returns a permit at once (it would otherwise sleep for most of an hour). */
    private static void assertGoesAhead(HostRateLimiter limiter, String host, String when) throws InterruptedException {
        Attempt attempt = Attempt.start(limiter, host);
        await().until(() -> attempt.isWaiting() || attempt.isDone());
        boolean waiting = attempt.isWaiting();
        attempt.thread.interrupt();
        attempt.thread.join();
        assertTrue(!waiting && attempt.outcome.get() == Attempt.ACQUIRED,
                () -> when + ": " + host + " should go ahead but "
                        + (waiting ? "it waited for the gap" : describe(attempt.outcome.get())));
    }

    private static String describe(Throwable outcome) {
        return outcome == null ? "it waited" : outcome == Attempt.ACQUIRED ? "it got a permit at once" : outcome.toString();
    }

    /** One acquire (and close) on a thread of its own; {@code outcome} is ACQUIRED or what it threw. */
    private static final class Attempt {
        static final Throwable ACQUIRED = new Throwable("acquired");

        final AtomicReference<Throwable> outcome = new AtomicReference<>();
        final Thread thread;

        private Attempt(HostRateLimiter limiter, String host) {
            thread = new Thread(() -> {
                try {
                    limiter.acquire(host).close();
                    outcome.set(ACQUIRED);
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, "acquire-" + host);
        }

        static Attempt start(HostRateLimiter limiter, String host) {
            Attempt attempt = new Attempt(limiter, host);
            attempt.thread.start();
            return attempt;
        }

        /** Asleep in the limiter's wait (nothing else in acquire sleeps with a timeout). */
        boolean isWaiting() {
            return thread.getState() == Thread.State.TIMED_WAITING && outcome.get() == null;
        }

        boolean isDone() {
            return outcome.get() != null;
        }
    }
}
