package io.paperfeed.streams.dedup;

import io.paperfeed.model.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Registers the de-duplicator's persistent (RocksDB) stores with a topology. Only the papers store
 * is changelogged: the evidence and band indexes are derived from it, and rebuilt from it when they
 * come back empty after a restore ({@link DedupIndex#rebuildIfEmpty}). That saves about 45 changelog
 * records per new paper.
 */
public final class DedupStores {

    static final JsonSerde<PaperState> PAPER_STATE = new JsonSerde<>(PaperState.class);

    private DedupStores() {
    }

    public static void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.PAPERS_STORE), Serdes.String(), PAPER_STATE)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.EVIDENCE_STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupIndex.BANDS_STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled());
    }
}
