package io.paperfeed.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void theP99OfEachWindowOfSendingSeparatesASlowStartFromTheSteadyState() {
        List<long[]> samples = new ArrayList<>();
        long first = 1_000_000;
        for (int i = 0; i < 100; i++) {
            samples.add(new long[] {first + i * 10, i < 5 ? 3_000 : 20}); // the first window: 5 % of it stalled
            samples.add(new long[] {first + 10_000 + i * 10, 30});       // the second: steady
        }
        samples.add(new long[] {first + 35_000, 40});                   // the fourth: one record, the third empty

        LatencyStats stats = LatencyStats.of("paced", 201, first, first + 35_040, samples, 0, 0, Double.NaN);

        assertArrayEquals(new long[] {3_000, 30, 0, 40}, stats.p99ByWindow());
        assertEquals(3_000, stats.p99Millis());
        assertEquals(30, stats.p50Millis());
        assertEquals("  p99 by 10 s of sending (ms): 3,000 30 0 40", stats.windowsLine());
    }
}
