package io.paperfeed.app.bench;

import java.util.Arrays;
import java.util.Locale;

/** Throughput, latency percentiles, CPU and state of one benchmark run. */
record LatencyStats(String name, int events, double papersPerSecond, long p50Millis, long p99Millis, long maxMillis,
                    double streamsCpuMicros, double processCpuMicros, double stateBytesPerPaper) {

    static LatencyStats of(String name, int events, long firstSendMillis, long lastAppendMillis, long[] latencies,
                           long streamsCpuNanos, long processCpuNanos, double stateBytesPerPaper) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double seconds = Math.max(1, lastAppendMillis - firstSendMillis) / 1000.0;
        return new LatencyStats(name, events, events / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], streamsCpuNanos / 1e3 / events,
                processCpuNanos / 1e3 / events, stateBytesPerPaper);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String line() {
        String state = Double.isNaN(stateBytesPerPaper) ? "" : String.format(Locale.ROOT, "   state %,6.0f B/paper",
                stateBytesPerPaper);
        return String.format(Locale.ROOT, "%-26s %,8.0f papers/s   CPU %,5.0f µs/paper streams, %,5.0f process"
                + "   latency p50 %,6d ms  p99 %,6d ms%s", name + ":", papersPerSecond, streamsCpuMicros,
                processCpuMicros, p50Millis, p99Millis, state);
    }
}
