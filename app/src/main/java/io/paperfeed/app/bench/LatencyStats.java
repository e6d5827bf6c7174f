package io.paperfeed.app.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one benchmark run. */
record LatencyStats(String name, int events, double papersPerSecond, long p50Millis, long p99Millis, long maxMillis) {

    static LatencyStats of(String name, int events, long firstSendMillis, long lastAppendMillis, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double seconds = Math.max(1, lastAppendMillis - firstSendMillis) / 1000.0;
        return new LatencyStats(name, events, events / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String line() {
        return String.format(java.util.Locale.ROOT, "%-14s %,10.0f papers/s   latency p50 %5d ms   p99 %5d ms   max %5d ms",
                name + ":", papersPerSecond, p50Millis, p99Millis, maxMillis);
    }
}
