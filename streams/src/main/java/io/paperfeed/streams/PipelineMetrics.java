package io.paperfeed.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.CanonicalPaper;

/** The streams app's own meters; tags are low-cardinality (change kind, reason). */
public final class PipelineMetrics implements MeterBinder {

    private MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    void paper(CanonicalPaper.Change change) {
        Counter.builder("paperfeed.streams.papers")
                .description("Canonical papers emitted by the streams app, by change kind")
                .tag("change", change.name())
                .register(registry)
                .increment();
    }

    void invalid(String reason) {
        Counter.builder("paperfeed.invalid.items")
                .description("Items that could not become papers, by stage and reason")
                .tag("stage", "streams")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A sighting merged into a known paper, by the evidence that decided it, or an exact repeat. */
    void duplicate(String reason) {
        Counter.builder("paperfeed.papers.duplicates")
                .description("Sightings merged into a known paper, by evidence (arxiv-id, doi, title, near-duplicate) or repeat")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A paper tagged with a taxonomy topic. */
    void topic(String topicId) {
        Counter.builder("paperfeed.papers.topics")
                .description("Papers tagged with each taxonomy topic")
                .tag("topic", topicId)
                .register(registry)
                .increment();
    }

    void alert() {
        Counter.builder("paperfeed.streams.alerts")
                .description("Alerts created")
                .register(registry)
                .increment();
    }
}
