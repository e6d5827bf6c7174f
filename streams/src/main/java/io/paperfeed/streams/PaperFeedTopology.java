package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.classify.ClassifyProcessor;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.streams.classify.TopicStreams;
import io.paperfeed.streams.dedup.DedupResult;
import io.paperfeed.streams.dedup.DedupStores;
import io.paperfeed.streams.dedup.Deduplicator;
import io.paperfeed.streams.alerts.AllPapersAlerts;
import io.paperfeed.streams.alerts.SubscriptionAlerts;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import io.paperfeed.streams.meaning.MeaningStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds paperfeed's Kafka Streams topology; the lifecycle lives elsewhere ({@code StreamsService}),
 * and tests build through this same factory.
 *
 * <pre>
 * paperfeed.papers.raw --decode--+--invalid--> paperfeed.papers.invalid
 *                                +--valid--> repartition to one partition (sightings-for-dedup)
 *                                     --> dedup (stores dedup-papers, dedup-evidence, dedup-bands)
 *                                           --> paperfeed.dedup.decisions (one per sighting)
 *                                           --> paperfeed.papers.canonical (NEW, UPDATED; tombstone for a retired id)
 * paperfeed.papers.canonical --> classify (lucene-monitor over the taxonomy)
 *                            --> embed (once per text version, store paper-embeddings; topics by meaning) --> paperfeed.papers.classified
 *                            --> paperfeed.topic.&lt;id&gt; (one stream per taxonomy topic)
 *                            --> match subscriptions (global store from paperfeed.subscriptions,
 *                                lucene-monitor, profiles fed by paperfeed.feedback, ledger store alert-ledger) --> paperfeed.alerts
 *                            --> all-papers alert (NEW only, when enabled) --> paperfeed.alerts
 * </pre>
 *
 * <p>The second sub-topology reads the canonical topic back, so classification and alerting scale
 * with its partitions while dedup stays on one.
 */
public final class PaperFeedTopology {

    private PaperFeedTopology() {
    }

    /** The whole topology. */
    public static Topology build(StreamsSettings settings, PipelineMetrics metrics) {
        return build(settings, metrics, true);
    }

    /** Decode and dedup only (sub-topology 1), for measuring the dedup step on its own. */
    public static Topology buildThroughDedup(StreamsSettings settings, PipelineMetrics metrics) {
        return build(settings, metrics, false);
    }

    private static Topology build(StreamsSettings settings, PipelineMetrics metrics, boolean classify) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings.toProperties())));
        DedupStores.addTo(builder);

        KStream<String, DecodedSighting> decoded = builder
                .stream(Topics.PAPERS_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-raw"))
                .processValues(() -> new SightingDecoder(metrics), Named.as("decode"));

        decoded.split(Named.as("decoded-"))
                .branch((key, value) -> !value.isValid(), Branched.withConsumer(invalid -> invalid
                        .mapValues(DecodedSighting::invalid, Named.as("invalid-item"))
                        .to(Topics.PAPERS_INVALID.name(), StreamsTopics.produced(Topics.PAPERS_INVALID)), "invalid"))
                .defaultBranch(Branched.withConsumer(valid -> deduplicate(valid, metrics), "valid"));

        if (classify) {
            classifyAndAlert(builder, settings, metrics);
        }
        return builder.build();
    }

    /** Sub-topology 1: every sighting meets every earlier paper on one partition. */
    private static void deduplicate(KStream<String, DecodedSighting> valid, PipelineMetrics metrics) {
        KStream<String, DedupResult> results = valid
                .mapValues(DecodedSighting::sighting, Named.as("sighting"))
                .repartition(Repartitioned.with(Serdes.String(), PaperSerdes.PAPER_EVENT)
                        .withName("sightings-for-dedup").withNumberOfPartitions(1))
                .process(() -> new Deduplicator(CanonicalIds::of, metrics::duplicate), Named.as("dedup"),
                        Deduplicator.storeNames());
        results.map((paperId, r) -> KeyValue.pair(r.decision().itemKey(), r.decision()), Named.as("decision"))
                .to(Topics.DEDUP_DECISIONS.name(), StreamsTopics.produced(Topics.DEDUP_DECISIONS));
        results.filter((paperId, r) -> r.paper() != null, Named.as("changed-papers"))
                .peek((paperId, r) -> metrics.paper(r.paper().change()), Named.as("count-papers"))
                .flatMap(PaperFeedTopology::paperAndRetiredId, Named.as("paper-records"))
                .to(Topics.PAPERS_CANONICAL.name(), StreamsTopics.produced(Topics.PAPERS_CANONICAL));
    }

    /** The paper under its id, and a tombstone for the id it had until now, if that changed. */
    private static List<KeyValue<String, CanonicalPaper>> paperAndRetiredId(String paperId, DedupResult r) {
        List<KeyValue<String, CanonicalPaper>> records = new ArrayList<>(2);
        records.add(KeyValue.pair(r.paper().id(), r.paper()));
        if (r.retiredId() != null) {
            records.add(KeyValue.pair(r.retiredId(), null));
        }
        return records;
    }

    /** Sub-topology 2, partitioned by paper id: classify into topics, one stream per topic, and alert. */
    private static void classifyAndAlert(StreamsBuilder builder, StreamsSettings settings, PipelineMetrics metrics) {
        Taxonomy taxonomy = settings.taxonomy();
        SubscriptionValidator validator = SubscriptionValidator.of(taxonomy);
        SubscriptionMatcher matcher = new SubscriptionMatcher(validator);
        KStream<String, CanonicalPaper> classified = MeaningStep.addTo(builder, builder
                .stream(Topics.PAPERS_CANONICAL.name(), StreamsTopics.consumed(Topics.PAPERS_CANONICAL).withName("read-canonical"))
                .processValues(() -> new ClassifyProcessor(taxonomy, metrics::topic), Named.as("classify")),
                settings.embeddings(), taxonomy, matcher::hasProfiles, metrics::embedding, metrics::topic);
        classified.to(Topics.PAPERS_CLASSIFIED.name(), StreamsTopics.produced(Topics.PAPERS_CLASSIFIED));
        TopicStreams.addTo(classified);
        SubscriptionAlerts.addTo(builder, classified, matcher, validator, alert -> metrics.alert());

        if (settings.allPapersSubscription() != null) {
            AllPapersAlerts.addTo(classified, settings.allPapersSubscription(), alert -> metrics.alert());
        }
    }
}
