package io.paperfeed.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run saw for one target: inputs, outcomes by kind, the slowest input and the largest
 * allocation of one input, and the first failures (an uncaught exception, a 5xx, an input over the
 * time limit) with what was fed, so a failure can be replayed.
 */
final class FuzzTally {

    private static final int KEPT_FAILURES = 5;

    private final String target;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long inputs;
    private long failed;
    private long maxNanos;
    private long maxAllocated;

    FuzzTally(String target) {
        this.target = target;
    }

    synchronized void record(String outcome, long nanos, long allocated) {
        inputs++;
        outcomes.merge(outcome, 1L, Long::sum);
        maxNanos = Math.max(maxNanos, nanos);
        maxAllocated = Math.max(maxAllocated, allocated);
    }

    /** Something worth seeing that is no failure: the first two are kept. */
    synchronized void note(String what, byte[] input) {
        if (notes.size() < 2) {
            notes.add(what + " <- " + shown(input));
        }
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void fail(String what, byte[] input) {
        failed++;
        if (failures.size() < KEPT_FAILURES) {
            failures.add(what + " <- " + shown(input));
        }
    }

    private static String shown(byte[] input) {
        return new String(input, 0, Math.min(input.length, 300), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?").replaceAll("(?i)(bearer|token=)\\s*[A-Za-z0-9_\\-]+", "$1 ***");
    }

    synchronized long inputs() {
        return inputs;
    }

    synchronized long failed() {
        return failed;
    }

    synchronized long maxMillis() {
        return maxNanos / 1_000_000;
    }

    synchronized String line() {
        return String.format("%-28s %,10d inputs  %d failures  slowest %,d ms  most allocated %,d KiB  %s", target, inputs,
                failed, maxNanos / 1_000_000, maxAllocated / 1024, outcomes);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
