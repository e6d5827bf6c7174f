package io.paperfeed.streams.dedup;

import java.time.Duration;

/**
 * How the dedup step is laid out and what it forgets.
 *
 * @param partitions  the exchange topic's partition count: dedup's parallelism, fixed for the life of
 *                    its state (every key's partition is a function of it)
 * @param bandHorizon LSH bands of papers last seen longer ago than this (by record time) are dropped,
 *                    so an old paper is still found by its arXiv id, DOI, title or exact text but no
 *                    longer by near-duplicate text; null keeps them for ever
 */
public record DedupSettings(int partitions, Duration bandHorizon) {

    /** Bands are kept two years by default: a paper re-announced later with edited text is rare. */
    public static final Duration DEFAULT_BAND_HORIZON = Duration.ofDays(730);

    public DedupSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("dedup partitions must be >= 1, was " + partitions);
        }
        if (bandHorizon != null && (bandHorizon.isNegative() || bandHorizon.isZero())) {
            throw new IllegalArgumentException("the band horizon must be positive, was " + bandHorizon);
        }
    }

    /** One partition, the default horizon: tests and a single-partition cluster. */
    public static DedupSettings single() {
        return new DedupSettings(1, DEFAULT_BAND_HORIZON);
    }

    public DedupSettings withPartitions(int n) {
        return new DedupSettings(n, bandHorizon);
    }
}
