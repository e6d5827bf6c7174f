package io.paperfeed.app.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void storeMetricsOfKeyValueAndWindowStoresShareOneMeterName() {
        try (Metrics metrics = new Metrics("test")) {
            Gauge.builder("kafka.stream.state.num.deletes.active.mem.table", () -> 1)
                    .tag("rocksdb.state.id", "dedup-papers").register(metrics.registry());
            Gauge.builder("kafka.stream.state.num.deletes.active.mem.table", () -> 2)
                    .tag("rocksdb.window.state.id", "daily-digests").register(metrics.registry());

            String scrape = metrics.scrape();

            assertTrue(scrape.contains("rocksdb_state_id=\"dedup-papers\""), scrape);
            assertTrue(scrape.contains("rocksdb_state_id=\"daily-digests\""), "the window store's meter is kept: " + scrape);
        }
    }
}
