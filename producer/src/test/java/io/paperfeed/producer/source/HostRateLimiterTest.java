package io.paperfeed.producer.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-host gap: measured from the end of the last request, per host, interruptible. */
class HostRateLimiterTest {

    @Test
    void theGapRunsFromTheEndOfTheLastRequestOfTheSameHost() throws Exception {
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
            assertTrue(idle >= gap.toNanos(), "only " + idle / 1_000 + " µs between requests");
        }
    }

    @Test
    void otherHostsDoNotWaitAndHostNamesIgnoreCase() throws Exception {
        AtomicLong clock = new AtomicLong();
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofHours(1), clock::get);
        limiter.acquire("a.example").close();
        long before = System.nanoTime();
        limiter.acquire("b.example").close();
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(1).toNanos());
        clock.addAndGet(Duration.ofHours(1).toNanos());
        limiter.acquire("A.EXAMPLE").close(); // the gap has passed on the fake clock
    }

    @Test
    void waitingEndsWhenInterrupted() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofHours(1));
        limiter.acquire("h").close();
        AtomicReference<Throwable> result = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire("h").close();
                result.set(new AssertionError("acquired"));
            } catch (Throwable e) {
                result.set(e);
            }
        });
        waiter.start();
        await().until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        waiter.interrupt();
        await().atMost(Duration.ofSeconds(5)).until(() -> result.get() != null);
        assertEquals(InterruptedException.class, result.get().getClass());
    }

    @Test
    void aNegativeGapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostRateLimiter(Duration.ofMillis(-1)));
    }
}
