package io.paperfeed.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Throughput, latency percentiles, CPU and state of one benchmark run, and the p99 of each
 * {@link #WINDOW_MILLIS} of sending (so a paced run shows whether its tail is the start or the steady state).
 */
record LatencyStats(String name, int events, double papersPerSecond, long p50Millis, long p99Millis, long maxMillis,
                    double streamsCpuMicros, double processCpuMicros, double stateBytesPerPaper, long[] p99ByWindow) {

    static final long WINDOW_MILLIS = 10_000;

    /**
     * @param samples {send time, latency} in milliseconds, one per output record that carried a send time
     */
    static LatencyStats of(String name, int events, long firstSendMillis, long lastAppendMillis, List<long[]> samples,
                           long streamsCpuNanos, long processCpuNanos, double stateBytesPerPaper) {
        long[] sorted = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        double seconds = Math.max(1, lastAppendMillis - firstSendMillis) / 1000.0;
        return new LatencyStats(name, events, events / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], streamsCpuNanos / 1e3 / events,
                processCpuNanos / 1e3 / events, stateBytesPerPaper, p99ByWindow(samples, firstSendMillis));
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The p99 latency of the records sent in each window from the first send (an empty window: 0). */
    static long[] p99ByWindow(List<long[]> samples, long firstSendMillis) {
        List<List<Long>> windows = new ArrayList<>();
        for (long[] s : samples) {
            int w = (int) Math.max(0, (s[0] - firstSendMillis) / WINDOW_MILLIS);
            while (windows.size() <= w) {
                windows.add(new ArrayList<>());
            }
            windows.get(w).add(s[1]);
        }
        return windows.stream().mapToLong(w -> percentile(w.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99))
                .toArray();
    }

    String line() {
        String state = Double.isNaN(stateBytesPerPaper) ? "" : String.format(Locale.ROOT, "   state %,6.0f B/paper",
                stateBytesPerPaper);
        return String.format(Locale.ROOT, "%-26s %,8.0f papers/s   CPU %,5.0f µs/paper streams, %,5.0f process"
                + "   latency p50 %,6d ms  p99 %,6d ms%s", name + ":", papersPerSecond, streamsCpuMicros,
                processCpuMicros, p50Millis, p99Millis, state);
    }

    /** For a paced run: the p99 of each window of sending, in order. */
    String windowsLine() {
        return String.format(Locale.ROOT, "  p99 by %d s of sending (ms): %s", WINDOW_MILLIS / 1000,
                Arrays.stream(p99ByWindow).mapToObj(v -> String.format(Locale.ROOT, "%,d", v))
                        .collect(Collectors.joining(" ")));
    }
}
