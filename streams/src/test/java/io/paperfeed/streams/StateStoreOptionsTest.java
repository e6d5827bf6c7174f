package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class StateStoreOptionsTest {

    @Test
    void everyStoreGetsAWholeKeyMemtableBloomFilter() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            new StateStoreOptions().setConfig("dedup-index", options, new HashMap<>());
            assertEquals(StateStoreOptions.MEMTABLE_BLOOM_RATIO, options.memtablePrefixBloomSizeRatio());
            assertTrue(options.memtableWholeKeyFiltering());
        }
    }

    @Test
    void theStreamsServiceConfiguresIt() {
        StreamsSettings settings = new StreamsSettings("127.0.0.1:9092", "app", Path.of("state"), 1,
                StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION);
        assertEquals(StateStoreOptions.class, settings.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
    }
}
