package io.paperfeed.consumer.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code paperfeed.api.errors}: refused requests, tagged with their low-cardinality {@code reason}. */
final class ApiMetrics {

    private static final String[] REASONS = {"bad-json", "missing-id", "invalid-subscription", "invalid-query",
        "unknown-topic", "unauthorized", "not-found", "method-not-allowed", "unsupported-media-type", "too-large",
        "bad-last-event-id", "bad-body", "bad-query", "bad-request", "no-secrets-key", "unavailable", "kafka-unavailable", "internal"};

    private final MeterRegistry registry;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String reason : REASONS) {
            counter(reason);
        }
    }

    void refused(ApiError error) {
        counter(error.reason()).increment();
    }

    private Counter counter(String reason) {
        return errors.computeIfAbsent(reason, r -> Counter.builder("paperfeed.api.errors")
                .description("HTTP API requests refused, by reason")
                .tag("reason", r).register(registry));
    }
}
