package io.paperfeed.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.paperfeed.model.Alert;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the status page shows, read from the process's own counters (so it agrees with
 * {@code /metrics}) and the latest alerts: the body of {@code GET /status.json}.
 *
 * @param stages           items per pipeline stage, in flow order
 * @param topics           papers per taxonomy topic, most papers first
 * @param latestAlerts     the newest alerts first
 * @param liveSubscription the subscription whose alerts the page follows live, or null
 */
public record PipelineStatus(Instant at, Map<String, Long> stages, Map<String, Long> topics,
                             List<AlertSummary> latestAlerts, String liveSubscription) {

    /** One alert as the page lists it. */
    public record AlertSummary(String subscriptionId, String paperId, String title, String change,
                               List<String> topics, Instant createdAt) {
        static AlertSummary of(Alert alert) {
            String title = alert.paper().title() != null ? alert.paper().title() : alert.paper().abstractText();
            return new AlertSummary(alert.subscriptionId(), alert.paper().id(), title,
                    alert.paper().change().name(), alert.paper().topics().stream().map(t -> t.id()).toList(),
                    alert.createdAt());
        }
    }

    public static PipelineStatus of(MeterRegistry registry, List<Alert> newestFirst, String liveSubscription) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("items published", sum(registry.find("paperfeed.producer.items").tag("outcome", "published")));
        stages.put("invalid items", sum(registry.find("paperfeed.invalid.items")));
        stages.put("duplicates merged", sum(registry.find("paperfeed.papers.duplicates")));
        stages.put("new papers", sum(registry.find("paperfeed.streams.papers").tag("change", "NEW")));
        stages.put("updated papers", sum(registry.find("paperfeed.streams.papers").tag("change", "UPDATED")));
        stages.put("alerts created", sum(registry.find("paperfeed.streams.alerts")));
        stages.put("alerts delivered", sum(registry.find("paperfeed.consumer.alerts").tag("outcome", "delivered")));
        Map<String, Long> byTopic = new TreeMap<>();
        for (Counter c : registry.find("paperfeed.papers.topics").counters()) {
            byTopic.merge(c.getId().getTag("topic"), (long) c.count(), Long::sum);
        }
        Map<String, Long> topics = new LinkedHashMap<>();
        byTopic.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> topics.put(e.getKey(), e.getValue()));
        return new PipelineStatus(Instant.now(), stages, topics,
                newestFirst.stream().map(AlertSummary::of).toList(), liveSubscription);
    }

    private static long sum(Search search) {
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
