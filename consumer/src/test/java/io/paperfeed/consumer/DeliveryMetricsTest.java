package io.paperfeed.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void latencyRunsFromTheSightingBehindTheAlertAndAgeFromThePublicationDate() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));
        CanonicalPaper first = paper("2025-03-08", NOW.minusSeconds(90));
        CanonicalPaper seenTwice = new CanonicalPaper(first.id(), first.arxivId(), 2, null, first.title(),
                first.abstractText(), List.of(), List.of(), List.of(), null, first.published(), null, List.of(),
                List.of(), List.of(new Provenance("b.xml", "arxiv-atom-api", 1, NOW.minusSeconds(30)),
                        first.sources().get(0)), List.of(), CanonicalPaper.Change.UPDATED);
        metrics.delivered(alert(seenTwice));

        Timer latency = registry.get("paperfeed.alert.latency").timer();
        assertEquals(1, latency.count());
        assertEquals(30.0, latency.totalTime(TimeUnit.SECONDS), 1e-9,
                "from the later of the two fetches: the sighting that brought the update");
        Timer age = registry.get("paperfeed.alert.publication.age").timer();
        assertEquals(Duration.ofDays(2).plusHours(12).toSeconds(), age.totalTime(TimeUnit.SECONDS), 1e-9);
        assertEquals(1.0, registry.get("paperfeed.consumer.alerts").tag("outcome", "delivered").counter().count());
    }

    @Test
    void aDateThatIsNotIsoIsCountedAsUndatedNotGuessed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));
        metrics.delivered(alert(paper("Aug 29", NOW)));
        metrics.delivered(alert(paper(null, NOW)));
        assertEquals(0, registry.get("paperfeed.alert.publication.age").timer().count());
        assertEquals(2.0, registry.get("paperfeed.alert.publication.undated").counter().count());
        assertEquals(Optional.of(Instant.parse("2025-01-02T10:00:00Z")),
                DeliveryMetrics.publication("2025-01-02T11:00:00+01:00"));
    }

    @Test
    void everySeriesExistsBeforeTheFirstAlertWithTheAgeBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(registry, Clock.systemUTC());
        metrics.lag(7);
        assertEquals(0, registry.get("paperfeed.alert.latency").timer().count());
        assertEquals(8, registry.get("paperfeed.alert.publication.age").timer().takeSnapshot().histogramCounts().length);
        assertEquals(0.0, registry.get("paperfeed.consumer.alerts").tag("outcome", "failed").counter().count());
        assertEquals(7.0, registry.get("paperfeed.consumer.lag").gauge().value());
        metrics.lagUnknown();
        assertTrue(Double.isNaN(registry.get("paperfeed.consumer.lag").gauge().value()), "stale lag is not shown");
    }

    private static CanonicalPaper paper(String published, Instant fetchedAt) {
        PaperEvent e = new PaperEvent("2503.00001", 1, null, "A title", "An abstract.", null, null, null, published,
                null, new Provenance("a.txt", "arxiv-listing-abstracts", 1, fetchedAt));
        return CanonicalPaper.firstSighting("arxiv:2503.00001", e);
    }

    private static Alert alert(CanonicalPaper paper) {
        return new Alert("alert_1", "all-papers", paper, List.of(), List.of(), NOW);
    }
}
