package io.paperfeed.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer's meters after real publish runs: items, bytes, fetch outcomes, last fetch. */
class ProducerMetricsTest {

    static final Instant NOW = Instant.parse("2025-08-30T06:00:00Z");
    @TempDir
    Path temp;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProducerMetrics metrics = new ProducerMetrics(registry);
    final FeedPublisher publisher = new FeedPublisher(FeedPublisherTest.mockProducer(), new FeedReader(), metrics,
            Clock.fixed(NOW, ZoneOffset.UTC));

    double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void aQuietSecondFetchIsEmptyAndEveryItemIsSkipped() throws Exception {
        Path seeds = FeedPublisherTest.seedFeeds(temp);
        List<FeedSource> sources = List.of(new FileSource(seeds, Clock.fixed(NOW, ZoneOffset.UTC)));
        Checkpoint checkpoint = Checkpoint.inMemory();
        PublishReport first = publisher.publish(sources, checkpoint);
        publisher.publish(sources, checkpoint);

        String source = seeds.toString();
        assertEquals(1.0, count("paperfeed.producer.fetches", "source", source, "outcome", "ok"));
        assertEquals(1.0, count("paperfeed.producer.fetches", "source", source, "outcome", "empty"));
        assertEquals(1.0, count("paperfeed.producer.empty.fetches", "source", source));
        assertEquals(NOW.getEpochSecond(), registry.get("paperfeed.producer.last.fetch").tag("source", source)
                .gauge().value());
        double published = registry.get("paperfeed.producer.items").tag("source", source).tag("outcome", "published").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        double skipped = registry.get("paperfeed.producer.items").tag("outcome", "skipped").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertEquals(first.papers(), published);
        assertEquals(114, skipped);

        long seedBytes;
        try (Stream<Path> files = Files.list(seeds)) {
            seedBytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        double bytes = registry.get("paperfeed.producer.bytes").counters().stream().mapToDouble(c -> c.count()).sum();
        assertEquals(2.0 * seedBytes, bytes);
    }

    @Test
    void aSourcesSeriesExistAtZeroBeforeItsFirstFetch() {
        assertEquals(0.0, count("paperfeed.producer.checkpoint.failures"));
        metrics.source("seeds", List.of("hf-daily-papers", "unknown"));
        assertEquals(0.0, count("paperfeed.producer.items", "source", "seeds", "format", "hf-daily-papers",
                "outcome", "published"));
        assertEquals(0.0, count("paperfeed.producer.items", "source", "seeds", "format", "unknown", "outcome", "invalid"));
        assertEquals(0.0, count("paperfeed.producer.fetches", "source", "seeds", "outcome", "error"));
        assertEquals(0.0, count("paperfeed.producer.empty.fetches", "source", "seeds"));
        assertEquals(0.0, registry.get("paperfeed.producer.last.fetch").tag("source", "seeds").gauge().value());
    }

    @Test
    void aFailingSourceHasItsGaugeAtZeroAndCountsItsRetries() {
        metrics.fetched("https://example.org/feed", ProducerMetrics.ERROR, 4, null);
        assertEquals(0.0, registry.get("paperfeed.producer.last.fetch").tag("source", "https://example.org/feed")
                .gauge().value());
        assertEquals(3.0, count("paperfeed.producer.fetch.retries", "source", "https://example.org/feed"));
        assertEquals(1.0, count("paperfeed.producer.fetches", "source", "https://example.org/feed", "outcome", "error"));
        metrics.fetched("https://example.org/feed", ProducerMetrics.NOT_MODIFIED, 1, NOW);
        assertEquals(1.0, count("paperfeed.producer.empty.fetches", "source", "https://example.org/feed"));
        assertEquals(NOW.getEpochSecond(), registry.get("paperfeed.producer.last.fetch").gauge().value());
    }

    @Test
    void noMeterIsTaggedWithADocumentOrAnItem() throws Exception {
        Path seeds = FeedPublisherTest.seedFeeds(temp);
        publisher.publish(List.of(seeds));
        int sourceTags = 0;
        for (Meter meter : registry.getMeters()) {
            for (var tag : meter.getId().getTags()) {
                assertTrue(!tag.getValue().startsWith(seeds + "/") && !tag.getValue().contains("#"),
                        meter.getId() + " has a per-document or per-item tag");
                sourceTags += tag.getKey().equals("source") ? 1 : 0;
            }
        }
        // the publish was counted, per source: the loop above checked real tags
        assertTrue(sourceTags > 0, "meters tagged with a source: " + registry.getMeters());
        assertTrue(registry.find("paperfeed.producer.items").counters().stream().mapToDouble(c -> c.count()).sum() > 0,
                "items counted");
    }
}
