package io.paperfeed.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Provenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert consumer's meters, all registered when it starts:
 * <ul>
 *   <li>{@code paperfeed.consumer.alerts} (outcome = delivered, failed): alerts handed to the sink</li>
 *   <li>{@code paperfeed.alert.latency} (timer, percentile histogram): from paperfeed's fetch of
 *       the sighting behind the alert (the latest provenance {@code fetchedAt}: for a NEW paper its only
 *       one) to the alert's delivery, the end-to-end latency of the pipeline</li>
 *   <li>{@code paperfeed.alert.publication.age} (timer, buckets 1 h .. 1 year): from the paper's
 *       publication date (midnight UTC when the feed gives a date only) to the alert's delivery; papers
 *       whose date is not ISO (e.g. {@code Aug 29}) are counted in {@code paperfeed.alert.publication.undated}</li>
 *   <li>{@code paperfeed.consumer.lag} (gauge): alerts on {@code paperfeed.alerts} not yet read by
 *       this consumer, summed over its partitions, as of its last poll; NaN while unknown or once the
 *       consumer stopped</li>
 * </ul>
 */
final class DeliveryMetrics {

    private static final Duration[] AGE_BUCKETS = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
        Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(365)};

    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final Timer latency;
    private final Timer publicationAge;
    private final Counter undated;
    private final AtomicLong lag = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.delivered = outcome(registry, "delivered");
        this.failed = outcome(registry, "failed");
        this.latency = Timer.builder("paperfeed.alert.latency")
                .description("From paperfeed's fetch of the sighting behind an alert to the alert's delivery")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.publicationAge = Timer.builder("paperfeed.alert.publication.age")
                .description("From a paper's publication date to the delivery of its alert")
                .serviceLevelObjectives(AGE_BUCKETS)
                .register(registry);
        this.undated = Counter.builder("paperfeed.alert.publication.undated")
                .description("Delivered alerts whose paper has no ISO publication date (not in paperfeed.alert.publication.age)")
                .register(registry);
        Gauge.builder("paperfeed.consumer.lag", lag, l -> Double.longBitsToDouble(l.get()))
                .description("Alerts on paperfeed.alerts not yet read by this consumer, as of its last poll "
                        + "(NaN while unknown, or once the consumer stopped)")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("paperfeed.consumer.alerts")
                .description("Alerts handed to the sink, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    void delivered(Alert alert) {
        delivered.increment();
        Instant now = clock.instant();
        sightingBehind(alert).ifPresent(first -> latency.record(nonNegative(Duration.between(first, now))));
        Optional<Instant> published = publication(alert.paper().published());
        if (published.isPresent()) {
            publicationAge.record(nonNegative(Duration.between(published.get(), now)));
        } else {
            undated.increment();
        }
    }

    void failed() {
        failed.increment();
    }

    void lag(double records) {
        lag.set(Double.doubleToLongBits(records));
    }

    /** The consumer stopped: its last lag would be stale. */
    void lagUnknown() {
        lag(Double.NaN);
    }

    /**
     * When paperfeed saw the sighting behind this alert: the latest fetch among the paper's sources (for
     * a NEW paper its only sighting; for an UPDATED one the sighting that brought the update, not the
     * first one days before).
     */
    static Optional<Instant> sightingBehind(Alert alert) {
        return alert.paper().sources().stream().map(Provenance::fetchedAt).filter(Objects::nonNull)
                .max(Instant::compareTo);
    }

    /** An ISO date ({@code 2025-01-02}, at midnight UTC) or date-time, else empty. */
    static Optional<Instant> publication(String published) {
        if (published == null || published.isBlank()) {
            return Optional.empty();
        }
        String text = published.strip();
        try {
            return Optional.of(text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
