package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.File;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class RefWritesTest {

    private final KeyValueStore<Long, RefState> store = store();
    private final RefWrites refs = new RefWrites(store);

    @Test
    void aChainReadsItsOwnWritesAndTheStoreGetsEachRefOnceWithItsLastState() {
        store.put(1L, new RefState.Joined(10));
        assertEquals(new RefState.Joined(10), refs.get(1), "what the chain did not write comes from the store");

        RefState.Joined first = new RefState.Joined(20);
        RefState.Joined last = new RefState.Joined(30);
        refs.put(2, first);
        assertSame(first, refs.get(2));
        refs.put(2, last);
        assertSame(last, refs.get(2));
        assertNull(store.get(2L), "nothing reaches the store before the chain ends");

        refs.flush();
        assertEquals(last, store.get(2L));
        assertEquals(new RefState.Joined(10), store.get(1L));
        assertEquals(2, store.approximateNumEntries());
        store.put(2L, first);
        refs.flush();
        assertEquals(first, store.get(2L), "a flush writes only what was written since the last one");
    }

    private static KeyValueStore<Long, RefState> store() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(new Properties(), new TaskId(1, 0),
                new File(System.getProperty("java.io.tmpdir")));
        KeyValueStore<Long, RefState> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupProcessor.REFS_STORE), Serdes.Long(), RefState.SERDE)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
