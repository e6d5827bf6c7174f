package io.paperfeed.consumer.atom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feed meters, registered at start: {@code paperfeed.feeds.requests} (tags kind {@code topic} or
 * {@code subscription}, answer {@code 200} or {@code 304}), {@code paperfeed.feeds.held} and
 * {@code paperfeed.feeds.papers} (what the store holds), {@code paperfeed.feeds.unreadable} (records the
 * readers skipped, tag topic).
 */
final class FeedMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new HashMap<>();
    private final Map<String, Counter> unreadable = new java.util.concurrent.ConcurrentHashMap<>();

    FeedMetrics(MeterRegistry registry, FeedStore store) {
        this.registry = registry;
        for (String kind : List.of("topic", "subscription")) {
            for (String answer : List.of("200", "304")) {
                requests.put(kind + answer, Counter.builder("paperfeed.feeds.requests")
                        .description("Atom feed requests, by kind of feed and answer (304: the reader had it already)")
                        .tag("kind", kind).tag("answer", answer).register(registry));
            }
        }
        Gauge.builder("paperfeed.feeds.held", store, FeedStore::feeds)
                .description("Feeds held in memory (topic and subscription feeds)").register(registry);
        Gauge.builder("paperfeed.feeds.papers", store, FeedStore::papers)
                .description("Distinct papers held by the feeds").register(registry);
        for (String topic : List.of("topic-stream", "paperfeed.alerts", "paperfeed.digests")) {
            unreadable(topic, 0);
        }
    }

    void request(String kind, int status) {
        requests.get(kind + status).increment();
    }

    void unreadable(String topic) {
        unreadable(topic, 1);
    }

    private void unreadable(String topic, int count) {
        unreadable.computeIfAbsent(topic, t -> Counter.builder("paperfeed.feeds.unreadable")
                .description("Records the feed readers could not read (logged with their position) and skipped")
                .tag("topic", t).register(registry)).increment(count);
    }
}
