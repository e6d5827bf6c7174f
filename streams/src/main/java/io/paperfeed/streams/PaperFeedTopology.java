package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.classify.ClassifyProcessor;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.streams.classify.TopicStreams;
import io.paperfeed.streams.dedup.DedupSettings;
import io.paperfeed.streams.dedup.DedupStep;
import io.paperfeed.streams.alerts.MatcherShards;
import io.paperfeed.streams.alerts.SubscriptionAlerts;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import io.paperfeed.streams.meaning.MeaningStep;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds paperfeed's Kafka Streams topology; the lifecycle lives elsewhere ({@code StreamsService}),
 * and tests build through this same factory.
 *
 * <pre>
 * paperfeed.papers.raw --decode--+--invalid--> paperfeed.papers.invalid
 *                                +--valid--> prepare (fingerprint, MinHash, evidence keys)
 *                                     --> paperfeed.dedup.exchange, to the sighting's home partition
 * paperfeed.dedup.exchange --> dedup (stores dedup-refs, dedup-index) --> paperfeed.dedup.exchange (probes,
 *                                  answers, confirms, verdicts, merges for other partitions)
 *                              --> paperfeed.dedup.decisions (one per sighting)
 *                              --> paperfeed.papers.canonical (NEW, UPDATED; tombstone for a retired id)
 * paperfeed.papers.canonical --> classify (lucene-monitor over the taxonomy)
 *                            --> embed (once per text version, store paper-embeddings; topics by meaning)
 *                            --> paperfeed.papers.classified
 *                            --> paperfeed.topic.&lt;id&gt; (one stream per taxonomy topic)
 *                            --> match subscriptions (global store from paperfeed.subscriptions,
 *                                lucene-monitor, profiles fed by the global store of paperfeed.feedback;
 *                                the built-in all-papers one when enabled)
 *                            --> repartition by subscription id (alerts-by-subscription)
 *                            --> ledger store alert-ledger --> paperfeed.alerts, paperfeed.digests
 *   or, sharded (--match-shards N): --> every paper to each of N partitions (papers-to-match-shards)
 *                            --> task p matches it against subscription shard p (from the global store on
 *                                disk) --> ledger store alert-ledger in the same task --> alerts, digests
 * </pre>
 *
 * <p>Dedup runs on as many partitions as the exchange topic has ({@link DedupSettings#partitions}); the
 * sub-topology after it reads the canonical topic back, so classification and alerting scale with its
 * partitions.
 */
public final class PaperFeedTopology {

    private PaperFeedTopology() {
    }

    /** The whole topology, dedup on one partition (the topology test driver's layout). */
    public static Topology build(StreamsSettings settings, PipelineMetrics metrics) {
        return build(settings, metrics, DedupSettings.single(), new GlobalStoreRestores(), true);
    }

    /**
     * The whole topology, dedup laid out as given (its partition count is the exchange topic's), without a
     * restore listener: the global stores' loaders then register each restored record as it comes.
     */
    public static Topology build(StreamsSettings settings, PipelineMetrics metrics, DedupSettings dedup) {
        return build(settings, metrics, dedup, new GlobalStoreRestores(), true);
    }

    /**
     * The whole topology, its global stores' loaders told by {@code restores} (which the caller sets as the
     * app's global state restore listener) when a restore runs, so they load the matcher once, in bulk, after it.
     */
    public static Topology build(StreamsSettings settings, PipelineMetrics metrics, DedupSettings dedup,
                                 GlobalStoreRestores restores) {
        return build(settings, metrics, dedup, restores, true);
    }

    /** Decode and dedup only, for measuring the dedup step on its own. */
    public static Topology buildThroughDedup(StreamsSettings settings, PipelineMetrics metrics, DedupSettings dedup) {
        return build(settings, metrics, dedup, new GlobalStoreRestores(), false);
    }

    private static Topology build(StreamsSettings settings, PipelineMetrics metrics, DedupSettings dedup,
                                  GlobalStoreRestores restores, boolean classify) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings.toProperties())));

        KStream<String, DecodedSighting> decoded = builder
                .stream(Topics.PAPERS_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-raw"))
                .processValues(() -> new SightingDecoder(metrics), Named.as("decode"));

        decoded.split(Named.as("decoded-"))
                .branch((key, value) -> !value.isValid(), Branched.withConsumer(invalid -> invalid
                        .mapValues(DecodedSighting::invalid, Named.as("invalid-item"))
                        .to(Topics.PAPERS_INVALID.name(), StreamsTopics.produced(Topics.PAPERS_INVALID)), "invalid"))
                .defaultBranch(Branched.withConsumer(valid -> DedupStep.route(
                        valid.mapValues(DecodedSighting::sighting, Named.as("sighting")), dedup), "valid"));

        if (classify) {
            classifyAndAlert(builder, settings, metrics, restores);
        }
        Topology topology = builder.build();
        DedupStep.addTo(topology, dedup, metrics::duplicate, metrics::paper);
        return topology;
    }

    /** Sub-topology 2, partitioned by paper id: classify into topics, one stream per topic, and alert. */
    private static void classifyAndAlert(StreamsBuilder builder, StreamsSettings settings, PipelineMetrics metrics,
                                         GlobalStoreRestores restores) {
        Taxonomy taxonomy = settings.taxonomy();
        SubscriptionValidator validator = SubscriptionValidator.of(taxonomy);
        SubscriptionMatcher matcher = settings.matchShards() == 0 ? new SubscriptionMatcher(validator) : null;
        MatcherShards shards = matcher == null ? new MatcherShards(settings.matchShards(), validator) : null;
        BooleanSupplier profilesExist = matcher != null ? matcher::hasProfiles : shards::mayHaveProfiles;
        metrics.matchedSubscriptions(matcher != null ? matcher::queryCount : shards::registered);
        KStream<String, CanonicalPaper> classified = MeaningStep.addTo(builder, builder
                .stream(Topics.PAPERS_CANONICAL.name(), StreamsTopics.consumed(Topics.PAPERS_CANONICAL).withName("read-canonical"))
                .processValues(() -> new ClassifyProcessor(taxonomy, metrics::topic), Named.as("classify")),
                settings.embeddings(), taxonomy, profilesExist, metrics::embedding, metrics::topic);
        classified.to(Topics.PAPERS_CLASSIFIED.name(), StreamsTopics.produced(Topics.PAPERS_CLASSIFIED));
        TopicStreams.addTo(classified);
        if (matcher != null) {
            SubscriptionAlerts.addTo(builder, classified, matcher, validator, settings.allPapersSubscription(),
                    alert -> metrics.alert(), metrics::unreadableRating, settings.digests(), restores::isRestoring);
        } else {
            SubscriptionAlerts.addSharded(builder, classified, shards, validator, settings.allPapersSubscription(),
                    alert -> metrics.alert(), metrics::unreadableRating, settings.digests(), restores::isRestoring);
        }
    }
}
