package io.paperfeed.streams.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The refs store ({@code dedup-refs}) as one record's chain of messages sees it: a read sees the chain's own
 * writes, and each ref written is put to the store once, when the chain ends ({@link #flush}), inside the
 * same transaction. On one partition a new paper's ref is written pending, then answered, then found in a
 * single chain; each put serialises and deflates the whole sighting, so two of three were wasted.
 */
final class RefWrites {

    private final KeyValueStore<Long, RefState> store;
    private final Map<Long, RefState> written = new LinkedHashMap<>();

    RefWrites(KeyValueStore<Long, RefState> store) {
        this.store = store;
    }

    /** The ref's state: as this chain last wrote it, else as the store has it. */
    RefState get(long ref) {
        return written.containsKey(ref) ? written.get(ref) : store.get(ref);
    }

    void put(long ref, RefState state) {
        written.put(ref, state);
    }

    /** Puts every ref the chain wrote, its last state, to the store. */
    void flush() {
        written.forEach(store::put);
        written.clear();
    }
}
