package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import java.util.List;

/**
 * What the de-duplicator remembers of a paper: the canonical record, the MinHash signatures of the
 * distinct abstracts seen (at most {@link #MAX_SIGNATURES}), and hashes of the distinct sightings
 * merged, so an exact repeat is recognised.
 */
record PaperState(CanonicalPaper paper, List<byte[]> signatures, List<String> sightingHashes) {

    static final int MAX_SIGNATURES = 4;

    PaperState {
        signatures = List.copyOf(signatures);
        sightingHashes = List.copyOf(sightingHashes);
    }

    /** The highest estimated similarity of any remembered abstract to the given signature. */
    double similarity(int[] signature) {
        double best = 0;
        for (byte[] bytes : signatures) {
            best = Math.max(best, MinHash.similarity(MinHash.fromBytes(bytes), signature));
        }
        return best;
    }
}
