package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
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
import org.apache.kafka.streams.state.Stores;

/**
 * Builds paperfeed's Kafka Streams topology; the lifecycle lives elsewhere ({@code StreamsService}),
 * and tests build through this same factory.
 *
 * <pre>
 * paperfeed.papers.raw --decode--+--invalid--> paperfeed.papers.invalid
 *                                +--valid--> re-key by canonical id (repartition)
 *                                              --> dedup/merge (store canonical-papers): NEW, UPDATED or nothing
 *                                              --> paperfeed.papers.canonical
 *                                              --> classify (pass-through for now) --> paperfeed.papers.classified
 *                                              --> all-papers alert (NEW only) --> paperfeed.alerts
 * </pre>
 *
 * <p>Papers are recognised by canonical id only (the same arXiv id, or the same normalised abstract);
 * DOI, title and near-duplicate matching come next. Classification is still pass-through (no topics).
 * The output shapes are final.
 */
public final class PaperFeedTopology {

    private PaperFeedTopology() {
    }

    public static Topology build(StreamsSettings settings, PipelineMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings.toProperties())));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PaperDeduplicator.STORE),
                Serdes.String(), PaperSerdes.CANONICAL_PAPER));

        KStream<String, DecodedSighting> decoded = builder
                .stream(Topics.PAPERS_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-raw"))
                .processValues(() -> new SightingDecoder(metrics), Named.as("decode"));

        decoded.split(Named.as("decoded-"))
                .branch((key, value) -> !value.isValid(), Branched.withConsumer(invalid -> invalid
                        .mapValues(DecodedSighting::invalid, Named.as("invalid-item"))
                        .to(Topics.PAPERS_INVALID.name(), Topics.PAPERS_INVALID.produced()), "invalid"))
                .defaultBranch(Branched.withConsumer(valid -> canonicalAndAfter(valid, settings, metrics), "valid"));

        return builder.build();
    }

    private static void canonicalAndAfter(KStream<String, DecodedSighting> valid, StreamsSettings settings,
                                          PipelineMetrics metrics) {
        KStream<String, CanonicalPaper> canonical = valid
                .map((itemKey, d) -> KeyValue.pair(CanonicalIds.of(d.sighting()), d.sighting()),
                        Named.as("canonical-id"))
                .repartition(Repartitioned.with(Serdes.String(), PaperSerdes.PAPER_EVENT)
                        .withName("sightings-by-paper"))
                .processValues(PaperDeduplicator::new, Named.as("dedup"), PaperDeduplicator.STORE)
                .peek((id, paper) -> metrics.paper(paper.change()), Named.as("count-papers"));
        canonical.to(Topics.PAPERS_CANONICAL.name(), Topics.PAPERS_CANONICAL.produced());

        KStream<String, CanonicalPaper> classified = canonical;
        classified.to(Topics.PAPERS_CLASSIFIED.name(), Topics.PAPERS_CLASSIFIED.produced());

        if (settings.allPapersSubscription() != null) {
            String subscription = settings.allPapersSubscription();
            classified
                    .filter((id, paper) -> paper.change() == CanonicalPaper.Change.NEW, Named.as("new-papers"))
                    .map((id, paper) -> KeyValue.pair(subscription,
                            AllPapersAlerts.alertFor(subscription, paper)), Named.as("alert"))
                    .peek((sub, alert) -> metrics.alert(), Named.as("count-alerts"))
                    .to(Topics.ALERTS.name(), Topics.ALERTS.produced());
        }
    }
}
