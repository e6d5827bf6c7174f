package io.paperfeed.streams.dedup;

import io.paperfeed.streams.dedup.PaperStates.PaperState;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The dedup state of a running app, as serialised (what RocksDB and the changelogs hold), read
 * through interactive queries over every local task: for the benchmark's bytes per paper.
 */
public final class DedupStateSize {

    /** Papers, and the bytes of keys and values in the refs store and the evidence index. */
    public record Sizes(long papers, long refsBytes, long indexBytes) {

        public double bytesPerPaper() {
            return papers == 0 ? 0 : (refsBytes + indexBytes) / (double) papers;
        }
    }

    private DedupStateSize() {
    }

    public static Sizes of(KafkaStreams streams) {
        long papers = 0;
        long refsBytes = 0;
        var refs = streams.store(StoreQueryParameters.fromNameAndType(DedupProcessor.REFS_STORE,
                QueryableStoreTypes.<Long, RefState>keyValueStore()));
        try (KeyValueIterator<Long, RefState> it = refs.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                refsBytes += Long.BYTES + RefState.encode(kv.value).length;
                if (kv.value instanceof PaperState) {
                    papers++;
                }
            }
        }
        long indexBytes = 0;
        var index = streams.store(StoreQueryParameters.fromNameAndType(DedupProcessor.INDEX_STORE,
                QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
        try (KeyValueIterator<Bytes, byte[]> it = index.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                indexBytes += kv.key.get().length + kv.value.length;
            }
        }
        return new Sizes(papers, refsBytes, indexBytes);
    }
}
