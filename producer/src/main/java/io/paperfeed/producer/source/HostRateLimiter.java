package io.paperfeed.producer.source;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * At most one request at a time per host, and a gap between the end of one request and the start
 * of the next (arXiv asks for no more than one request every 3 seconds). The gap is measured from
 * when the previous response was fully received, so the server sees requests at least the gap apart
 * however long each took. Waiting is interruptible. Thread-safe.
 */
public final class HostRateLimiter {

    /** The spacing arXiv's terms of use ask for. */
    public static final Duration ARXIV_GAP = Duration.ofSeconds(3);

    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /** One permit; closing it ends the request and starts the gap. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public HostRateLimiter(Duration gap) {
        this(gap, System::nanoTime);
    }

    HostRateLimiter(Duration gap, LongSupplier nanoTime) {
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative: " + gap);
        }
        this.gapNanos = gap.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Waits until a request to the host may start; the request ends when the permit is closed. */
    public Permit acquire(String host) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host());
        h.lock.lockInterruptibly();
        try {
            if (h.used) {
                long wait = h.lastEnd + gapNanos - nanoTime.getAsLong();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            h.lock.unlock();
            throw e;
        }
        return () -> {
            h.lastEnd = nanoTime.getAsLong();
            h.used = true;
            h.lock.unlock();
        };
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock();
        long lastEnd;
        boolean used;
    }
}
