package io.paperfeed.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The producer's own meters; tags are the format and the invalid reason, never a source path. */
public final class ProducerMetrics {

    private final MeterRegistry registry;

    public ProducerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String format) {
        items(format, "published").increment();
    }

    void invalid(String format, String reason) {
        items(format, "invalid").increment();
        Counter.builder("paperfeed.invalid.items")
                .description("Items that could not become papers, by stage and reason")
                .tag("stage", "producer")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter items(String format, String outcome) {
        return Counter.builder("paperfeed.producer.items")
                .description("Feed items read by the producer, by format and outcome")
                .tag("format", format)
                .tag("outcome", outcome)
                .register(registry);
    }
}
