package io.paperfeed.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.CanonicalPaper;
import java.util.Collection;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The streams app's own meters; tags are low-cardinality (change kind, reason, taxonomy topic).
 * The series a dashboard plots from the start (papers per change, duplicates per reason, alerts,
 * unreadable sightings) are registered at 0 when bound, so they exist before the first record.
 */
public final class PipelineMetrics implements MeterBinder {

    /** The evidence a sighting is merged by, or {@code repeat} for a sighting seen before. */
    static final List<String> DUPLICATE_REASONS = List.of("arxiv-id", "doi", "title", "near-duplicate", "repeat");

    private MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        for (CanonicalPaper.Change change : CanonicalPaper.Change.values()) {
            papers(change);
        }
        DUPLICATE_REASONS.forEach(this::duplicates);
        alerts();
        invalidItems(SightingDecoder.REASON_UNREADABLE);
        deadLetters(io.paperfeed.model.topics.Topics.PAPERS_CANONICAL.name());
        unreadableRatings();
    }

    /** The subscriptions this instance matches papers against: all of them, or its open shards' share. */
    void matchedSubscriptions(IntSupplier held) {
        Gauge.builder("paperfeed.subscriptions.matched", held::getAsInt)
                .description("Subscriptions this instance matches papers against (all, or its matching shards' share)")
                .strongReference(true)
                .register(registry);
    }

    /** A record of {@code paperfeed.feedback} the global store skipped (the audit writes its dead letter). */
    void unreadableRating() {
        unreadableRatings().increment();
    }

    private Counter unreadableRatings() {
        return Counter.builder("paperfeed.feedback.unreadable")
                .description("Records of paperfeed.feedback the ratings' global store skipped (each dead-lettered by the audit)")
                .register(registry);
    }

    void paper(CanonicalPaper.Change change) {
        papers(change).increment();
    }

    void invalid(String reason) {
        invalidItems(reason).increment();
    }

    /** A sighting merged into a known paper, by the evidence that decided it, or an exact repeat. */
    void duplicate(String reason) {
        duplicates(reason).increment();
    }

    /** Registers each taxonomy topic's counter at 0, so {@code increase()} sees a topic's first papers. */
    public void topics(Collection<String> topicIds) {
        topicIds.forEach(this::topicCounter);
    }

    /** A new paper tagged with a taxonomy topic. */
    void topic(String topicId) {
        topicCounter(topicId).increment();
    }

    /** A record of a source topic dead-lettered to the invalid topic (unreadable, or failed in processing). */
    public void deadLetter(String topic) {
        deadLetters(topic).increment();
    }

    private Counter deadLetters(String topic) {
        return Counter.builder("paperfeed.dead.letters")
                .description("Records of a topic that could not be read or processed, written to paperfeed.papers.invalid")
                .tag("topic", topic)
                .register(registry);
    }

    private Counter topicCounter(String topicId) {
        return Counter.builder("paperfeed.papers.topics")
                .description("New papers tagged with each taxonomy topic")
                .tag("topic", topicId)
                .register(registry);
    }

    /** What the embed step did with a paper: computed, reused (same text version) or skipped. */
    void embedding(io.paperfeed.streams.meaning.EmbedProcessor.Outcome outcome) {
        Counter.builder("paperfeed.papers.embeddings")
                .description("Papers through the embed step, by outcome (computed, reused, skipped)")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    void alert() {
        alerts().increment();
    }

    private Counter papers(CanonicalPaper.Change change) {
        return Counter.builder("paperfeed.streams.papers")
                .description("Canonical papers emitted by the streams app, by change kind")
                .tag("change", change.name())
                .register(registry);
    }

    private Counter duplicates(String reason) {
        return Counter.builder("paperfeed.papers.duplicates")
                .description("Sightings merged into a known paper, by evidence (arxiv-id, doi, title, near-duplicate) or repeat")
                .tag("reason", reason)
                .register(registry);
    }

    private Counter invalidItems(String reason) {
        return Counter.builder("paperfeed.invalid.items")
                .description("Items that could not become papers, by stage and reason")
                .tag("stage", "streams")
                .tag("reason", reason)
                .register(registry);
    }

    private Counter alerts() {
        return Counter.builder("paperfeed.streams.alerts")
                .description("Alerts created")
                .register(registry);
    }
}
