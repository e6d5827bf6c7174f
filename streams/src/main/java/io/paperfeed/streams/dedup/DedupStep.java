package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup step in a topology: decoded sightings are prepared (fingerprint, MinHash, evidence keys)
 * where they are decoded and sent to their home partition of {@code paperfeed.dedup.exchange}; one
 * {@link DedupProcessor} per partition of that topic reads it and writes back to it, to the decisions
 * topic and to the canonical topic.
 */
public final class DedupStep {

    static final String SOURCE = "read-dedup-exchange";
    static final String PROCESSOR = "dedup";

    private DedupStep() {
    }

    /** Sends each valid sighting, prepared, to its home partition (in the sub-topology that decodes it). */
    public static void route(KStream<String, PaperEvent> sightings, DedupSettings settings) {
        sightings.map((itemKey, event) -> {
            SightingData s = SightingData.of(event);
            long home = PaperOwner.homeRef(s);
            return org.apache.kafka.streams.KeyValue.pair(home, (Message) new Message.Arrive(home, s));
        }, Named.as("dedup-prepare")).to(Topics.DEDUP_EXCHANGE.name(), Produced.with(Serdes.Long(), Message.SERDE)
                .withStreamPartitioner(new Routing.Partitioner(settings.partitions())).withName("dedup-arrive"));
    }

    /**
     * Adds the dedup tasks (source, processor, stores, sinks) to a built topology.
     *
     * @param onDuplicate told the evidence of every merge, or {@code repeat}
     * @param onPaper     told the change of every paper record written
     */
    public static void addTo(Topology topology, DedupSettings settings, Consumer<String> onDuplicate,
                             Consumer<CanonicalPaper.Change> onPaper) {
        topology.addSource(SOURCE, Serdes.Long().deserializer(), Message.SERDE.deserializer(),
                Topics.DEDUP_EXCHANGE.name());
        topology.addProcessor(PROCESSOR, () -> new DedupProcessor(settings, onDuplicate, onPaper), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.REFS_STORE),
                Serdes.Long(), RefState.SERDE).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.INDEX_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled(), PROCESSOR);
        topology.addSink(DedupProcessor.TO_EXCHANGE, Topics.DEDUP_EXCHANGE.name(), Serdes.Long().serializer(),
                Message.SERDE.serializer(), new Routing.Partitioner(settings.partitions()), PROCESSOR);
        topology.addSink(DedupProcessor.TO_DECISIONS, Topics.DEDUP_DECISIONS.name(), Serdes.String().serializer(),
                PaperSerdes.DEDUP_DECISION.serializer(), PROCESSOR);
        topology.addSink(DedupProcessor.TO_CANONICAL, Topics.PAPERS_CANONICAL.name(), Serdes.String().serializer(),
                PaperSerdes.CANONICAL_PAPER.serializer(), PROCESSOR);
    }
}
