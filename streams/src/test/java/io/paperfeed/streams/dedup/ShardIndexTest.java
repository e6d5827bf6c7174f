package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class ShardIndexTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final ShardIndex index = new ShardIndex(store());

    @Test
    void aProbeAnswersWhoWasFiledBeforeAndFilesTheProberInTheSameStep() {
        long band = Routing.band(42);
        long doi = Routing.evidence(Routing.DOI, "10.1/x");
        assertArrayEquals(new long[0], index.probe(7, new long[] {band, doi}, 0));
        assertArrayEquals(new long[] {7}, index.probe(9, new long[] {band}, 0), "the second hears of the first");
        assertArrayEquals(new long[] {7, 9}, index.lookup(band));
        assertArrayEquals(new long[] {7}, index.probe(9, new long[] {band, doi}, 0), "itself never, each once");
    }

    @Test
    void bandsLastFiledBeforeTheHorizonAreDroppedIdsAndDoisAreKept() {
        long oldBand = Routing.band(1L << 40);
        long newBand = Routing.band(2L << 40);
        long doi = Routing.evidence(Routing.DOI, "10.1/old");
        index.register(5, new long[] {oldBand, doi}, 0);
        index.register(6, new long[] {newBand}, 30 * DAY);

        int dropped = 0;
        for (int round = 0; round < 3; round++) {
            dropped += index.expire(10 * DAY, 1);
        }

        assertEquals(1, dropped);
        assertArrayEquals(new long[0], index.lookup(oldBand), "an old band is gone");
        assertArrayEquals(new long[] {6}, index.lookup(newBand), "a recent one stays");
        assertArrayEquals(new long[] {5}, index.lookup(doi), "a DOI is kept for ever");
    }

    @Test
    void anIndexMadeOverAFilledStoreFindsWhatWasFiledBefore() {
        KeyValueStore<Bytes, byte[]> restored = store();
        long[] bands = new long[5_000];
        ShardIndex before = new ShardIndex(restored);
        for (int i = 0; i < bands.length; i++) {
            bands[i] = Routing.band(i * 7919L << 20);
            before.register(i, new long[] {bands[i]}, 0);
        }

        ShardIndex after = new ShardIndex(restored); // as a task initialised after its store was restored
        for (int i = 0; i < bands.length; i++) {
            assertArrayEquals(new long[] {i}, after.lookup(bands[i]));
        }
        assertArrayEquals(new long[] {3}, after.probe(99, new long[] {bands[3], Routing.band(1L << 62)}, 0));
        assertArrayEquals(new long[] {99}, after.lookup(Routing.band(1L << 62)), "a key filed since is found too");
    }

    @Test
    void thePartitionerRefusesAnExchangeTopicOfAnotherSize() {
        Routing.Partitioner partitioner = new Routing.Partitioner(3);
        assertEquals(Routing.partition(123L << 32, 3),
                partitioner.partitions("t", 123L << 32, null, 3).orElseThrow().iterator().next());
        assertThrows(IllegalStateException.class, () -> partitioner.partitions("t", 1L, null, 4));
    }

    private static KeyValueStore<Bytes, byte[]> store() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(new Properties(), new TaskId(1, 0),
                new File(System.getProperty("java.io.tmpdir")));
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupProcessor.INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
