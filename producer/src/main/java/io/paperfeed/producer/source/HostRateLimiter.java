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
 * however long each took. A host may have a gap of its own (a sources file's {@code hosts}); the
 * others take the default gap. Waiting is interruptible. Thread-safe.
 */
public final class HostRateLimiter {

    /** The spacing arXiv's terms of use ask for. */
    public static final Duration ARXIV_GAP = Duration.ofSeconds(3);

    private final long gapNanos;
    private final Map<String, Long> hostGapNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /** One permit; closing it ends the request and starts the gap. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public HostRateLimiter(Duration gap) {
        this(gap, Map.of(), System::nanoTime);
    }

    /**
     * @param gap      the gap of every host not in {@code hostGaps}
     * @param hostGaps gaps of their own, by host name (case-insensitive)
     */
    public HostRateLimiter(Duration gap, Map<String, Duration> hostGaps) {
        this(gap, hostGaps, System::nanoTime);
    }

    HostRateLimiter(Duration gap, LongSupplier nanoTime) {
        this(gap, Map.of(), nanoTime);
    }

    HostRateLimiter(Duration gap, Map<String, Duration> hostGaps, LongSupplier nanoTime) {
        this.gapNanos = nanos(gap, "gap");
        Map<String, Long> gaps = new java.util.HashMap<>();
        hostGaps.forEach((host, g) -> gaps.put(host.toLowerCase(Locale.ROOT), nanos(g, "gap of " + host)));
        this.hostGapNanos = Map.copyOf(gaps);
        this.nanoTime = nanoTime;
    }

    private static long nanos(Duration gap, String what) {
        if (gap.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + gap);
        }
        return gap.toNanos();
    }

    /** The gap kept between requests to the host. */
    public Duration gap(String host) {
        return Duration.ofNanos(hostGapNanos.getOrDefault(host.toLowerCase(Locale.ROOT), gapNanos));
    }

    /** Waits until a request to the host may start; the request ends when the permit is closed. */
    public Permit acquire(String host) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        Host h = hosts.computeIfAbsent(key, k -> new Host());
        long gap = hostGapNanos.getOrDefault(key, gapNanos);
        h.lock.lockInterruptibly();
        try {
            if (h.used) {
                long wait = h.lastEnd + gap - nanoTime.getAsLong();
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
