package io.paperfeed.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The producer's own meters. Tags are the format, the invalid reason, the fetch outcome and the
 * configured source (a path or URL an operator configured: a handful), never a document or an item.
 *
 * <ul>
 *   <li>{@code paperfeed.producer.items} (source, format, outcome = published, invalid, skipped)</li>
 *   <li>{@code paperfeed.invalid.items} (stage = producer, reason)</li>
 *   <li>{@code paperfeed.producer.bytes} (format): document bytes read</li>
 *   <li>{@code paperfeed.producer.fetches} (source, outcome = ok, not-modified, empty, error)</li>
 *   <li>{@code paperfeed.producer.empty.fetches} (source): fetches that brought no new item (304 or empty)</li>
 *   <li>{@code paperfeed.producer.fetch.retries} (source): requests beyond the first</li>
 *   <li>{@code paperfeed.producer.last.fetch} (source): epoch seconds of the last successful fetch, 0 before</li>
 *   <li>{@code paperfeed.producer.checkpoint.failures}: checkpoint writes that failed</li>
 *   <li>{@code paperfeed.producer.pages} (source): documents (pages) fetched from each source</li>
 *   <li>{@code paperfeed.producer.incomplete.fetches} (source, reason = page-limit, page-failed,
 *       page-loop, no-cursor): fetches of a paged source that stopped before its last page</li>
 *   <li>{@code paperfeed.producer.poll.interval} (source): seconds between the polls of each source,
 *       for alerting on a source silent for longer than it should be</li>
 * </ul>
 */
public final class ProducerMetrics {

    /** Fetch outcomes, the values of the {@code outcome} tag of {@code paperfeed.producer.fetches}. */
    static final String OK = "ok";
    static final String NOT_MODIFIED = "not-modified";
    static final String EMPTY = "empty";
    static final String ERROR = "error";
    /** Why a paged source's fetch stopped early: the {@code reason} tag of {@code paperfeed.producer.incomplete.fetches}. */
    static final List<String> INCOMPLETE_REASONS = List.of("page-limit", "page-failed", "page-loop", "no-cursor");

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastFetch = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pollIntervals = new ConcurrentHashMap<>();

    public ProducerMetrics(MeterRegistry registry) {
        this.registry = registry;
        checkpointFailures();
    }

    /**
     * Registers a configured source's series at 0 before its first fetch: Prometheus' {@code rate()}
     * and {@code increase()} do not count a series' first value, so a source published in one burst
     * would otherwise never show on the dashboard.
     */
    void source(String source, Collection<String> formats) {
        for (String format : formats) {
            for (String outcome : List.of("published", "invalid", "skipped")) {
                items(source, format, outcome);
            }
        }
        for (String outcome : List.of(OK, NOT_MODIFIED, EMPTY, ERROR)) {
            fetches(source, outcome);
        }
        emptyFetches(source);
        retries(source);
        lastFetch(source);
        pages(source);
        for (String reason : INCOMPLETE_REASONS) {
            incomplete(source, reason);
        }
    }

    /** The pages one fetch of a source read, and why it stopped early (null when it read them all). */
    void pages(String source, int pages, String incomplete) {
        pages(source).increment(pages);
        if (incomplete != null) {
            int colon = incomplete.indexOf(':');
            incomplete(source, colon < 0 ? incomplete : incomplete.substring(0, colon)).increment();
        }
    }

    private Counter incomplete(String source, String reason) {
        return Counter.builder("paperfeed.producer.incomplete.fetches")
                .description("Fetches of a paged source that stopped before its last page, by why")
                .tag("source", source)
                .tag("reason", reason)
                .register(registry);
    }

    /** Records how often a source is polled (the alerting rules compare its silence with it). */
    public void pollInterval(String source, java.time.Duration interval) {
        pollIntervals.computeIfAbsent(source, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("paperfeed.producer.poll.interval", value, AtomicLong::get)
                    .description("Seconds between two polls of each configured source")
                    .baseUnit("seconds")
                    .tag("source", s)
                    .strongReference(true)
                    .register(registry);
            return value;
        }).set(interval.toSeconds());
    }

    private Counter pages(String source) {
        return Counter.builder("paperfeed.producer.pages")
                .description("Documents (pages) fetched from each configured source")
                .tag("source", source)
                .register(registry);
    }

    void published(String source, String format) {
        items(source, format, "published").increment();
    }

    void skipped(String source, String format) {
        items(source, format, "skipped").increment();
    }

    void invalid(String source, String format, String reason) {
        items(source, format, "invalid").increment();
        Counter.builder("paperfeed.invalid.items")
                .description("Items that could not become papers, by stage and reason")
                .tag("stage", "producer")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void bytes(String format, long bytes) {
        Counter.builder("paperfeed.producer.bytes")
                .description("Bytes of feed documents read, by format")
                .baseUnit("bytes")
                .tag("format", format)
                .register(registry)
                .increment(bytes);
    }

    /** One fetch of a configured source, with its outcome; {@code succeededAt} null for an error. */
    void fetched(String source, String outcome, int attempts, Instant succeededAt) {
        AtomicLong last = lastFetch(source);
        fetches(source, outcome).increment();
        Counter empty = emptyFetches(source);
        if (outcome.equals(NOT_MODIFIED) || outcome.equals(EMPTY)) {
            empty.increment();
        }
        if (attempts > 1) {
            retries(source).increment(attempts - 1);
        }
        if (succeededAt != null) {
            last.set(succeededAt.getEpochSecond());
        }
    }

    void checkpointFailed() {
        checkpointFailures().increment();
    }

    private Counter checkpointFailures() {
        return Counter.builder("paperfeed.producer.checkpoint.failures")
                .description("Checkpoint writes that failed (the items may be published again after a restart)")
                .register(registry);
    }

    private Counter fetches(String source, String outcome) {
        return Counter.builder("paperfeed.producer.fetches")
                .description("Fetches of each configured source, by outcome (ok, not-modified, empty, error)")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter emptyFetches(String source) {
        return Counter.builder("paperfeed.producer.empty.fetches")
                .description("Successful fetches that brought no new item (not modified, or nothing new)")
                .tag("source", source)
                .register(registry);
    }

    private Counter retries(String source) {
        return Counter.builder("paperfeed.producer.fetch.retries")
                .description("Requests beyond the first of each fetch (HTTP retries)")
                .tag("source", source)
                .register(registry);
    }

    private AtomicLong lastFetch(String source) {
        return lastFetch.computeIfAbsent(source, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("paperfeed.producer.last.fetch", value, AtomicLong::get)
                    .description("When each configured source was last fetched successfully, in epoch seconds (0: never)")
                    .baseUnit("seconds")
                    .tag("source", s)
                    // the registry must keep the value: a publisher (and these metrics) may be dropped
                    // after one run while /metrics keeps reporting when each source was last fetched
                    .strongReference(true)
                    .register(registry);
            return value;
        });
    }

    private Counter items(String source, String format, String outcome) {
        return Counter.builder("paperfeed.producer.items")
                .description("Feed items read by the producer, by configured source, format and outcome")
                .tag("source", source)
                .tag("format", format)
                .tag("outcome", outcome)
                .register(registry);
    }
}
