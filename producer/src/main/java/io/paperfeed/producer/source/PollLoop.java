package io.paperfeed.producer.source;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cycle (fetch every source, publish, checkpoint), waits the interval after it ends, and
 * again, until closed. A cycle that throws is logged and the loop goes on: the next cycle retries
 * what the failed one did not checkpoint. {@link #close()} stops it promptly: the wait ends at
 * once, and a cycle in progress is interrupted (HTTP waits and retries end; what was sent but not
 * checkpointed is published again after a restart).
 */
public final class PollLoop implements AutoCloseable {

    /** One round of work. */
    @FunctionalInterface
    public interface Cycle {
        void run() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Supplier<Duration> pause;
    private final Cycle cycle;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread runner;
    private volatile boolean closing;

    public PollLoop(Duration interval, Cycle cycle) {
        this(constant(Objects.requireNonNull(interval, "interval")), cycle);
    }

    /**
     * A loop whose pause after each cycle is asked for anew (sources polled each at its own
     * interval: the time until the next one is due); a negative pause counts as none.
     */
    public PollLoop(Supplier<Duration> pause, Cycle cycle) {
        this.pause = Objects.requireNonNull(pause, "pause");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
    }

    private static Supplier<Duration> constant(Duration interval) {
        return () -> interval;
    }

    /** Runs cycles in the calling thread until closed or interrupted. */
    public void run() {
        synchronized (this) {
            if (runner != null) {
                throw new IllegalStateException("already running");
            }
            runner = Thread.currentThread();
        }
        try {
            while (!closing) {
                try {
                    cycle.run();
                } catch (Exception e) {
                    if (closing || e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    log.error("publish cycle failed, next one in {}: {}", pause.get(), e.toString());
                    log.debug("publish cycle failure", e);
                }
                if (stop.await(Math.max(0, pause.get().toMillis()), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            log.debug("poll loop interrupted");
        } finally {
            synchronized (this) {
                runner = null;
            }
            if (closing) {
                Thread.interrupted(); // an interrupt meant for the loop must not outlive it
            }
            done.countDown();
        }
    }

    /** Stops the loop and waits (up to 30 s) for the cycle in progress to end. */
    @Override
    public void close() {
        boolean running;
        synchronized (this) {
            closing = true;
            stop.countDown();
            running = runner != null && runner != Thread.currentThread();
            if (running) {
                runner.interrupt();
            }
        }
        try {
            if (running && !done.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("the poll loop did not stop within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
