package io.paperfeed.producer.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop goes on past failing cycles and stops promptly on close, waiting or working. */
class PollLoopTest {

    /**
     * How long the loop may take to end after close: far below the hour-long waits and the cycle that
     * blocks for ever, so it tells "close ended it" from "it ran its course", without being a speed
     * target a busy machine could miss.
     */
    static final Duration ENDS = Duration.ofSeconds(30);

    final AtomicBoolean interruptedAfter = new AtomicBoolean();

    void start(PollLoop loop, AtomicBoolean ended) {
        Thread thread = new Thread(() -> {
            loop.run();
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            ended.set(true);
        });
        thread.start();
    }

    @Test
    void aFailingCycleDoesNotEndTheLoop() throws Exception {
        AtomicInteger cycles = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        PollLoop loop = new PollLoop(Duration.ofMillis(10), () -> {
            if (cycles.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("broker gone");
            }
        });
        start(loop, ended);
        await().atMost(Duration.ofSeconds(10)).until(() -> cycles.get() >= 4);
        loop.close();
        await().atMost(ENDS).untilTrue(ended);
    }

    @Test
    void closeEndsTheWaitAtOnce() throws Exception {
        AtomicInteger cycles = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        PollLoop loop = new PollLoop(Duration.ofHours(1), cycles::incrementAndGet);
        start(loop, ended);
        await().until(() -> cycles.get() == 1);
        loop.close();
        await().atMost(ENDS).untilTrue(ended);
    }

    @Test
    void closeInterruptsACycleInProgress() throws Exception {
        AtomicBoolean working = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        PollLoop loop = new PollLoop(Duration.ofMillis(10), () -> {
            working.set(true);
            new CountDownLatch(1).await(); // blocks like a retry wait or a slow response, until interrupted
        });
        start(loop, ended);
        await().untilTrue(working);
        loop.close();
        await().atMost(ENDS).untilTrue(ended);
        assertFalse(interruptedAfter.get(), "the interrupt does not outlive the loop");
    }

    @Test
    void aLoopClosedBeforeItRunsDoesNothing() throws Exception {
        AtomicInteger cycles = new AtomicInteger();
        PollLoop loop = new PollLoop(Duration.ofMillis(10), cycles::incrementAndGet);
        loop.close();
        loop.run();
        assertEquals(0, cycles.get());
    }
}
