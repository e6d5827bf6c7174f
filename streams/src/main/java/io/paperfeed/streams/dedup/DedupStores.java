package io.paperfeed.streams.dedup;

import io.paperfeed.model.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/** Registers the de-duplicator's persistent (RocksDB, changelogged) stores with a topology. */
public final class DedupStores {

    static final JsonSerde<PaperState> PAPER_STATE = new JsonSerde<>(PaperState.class);

    private DedupStores() {
    }

    public static void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.PAPERS_STORE), Serdes.String(), PAPER_STATE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.EVIDENCE_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.BANDS_STORE), Serdes.String(), Serdes.String()));
    }
}
