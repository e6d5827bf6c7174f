package io.paperfeed.streams.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into bands, and two
 * papers become candidates when any band is equal. With 42 bands of 3 rows, texts of Jaccard 0.6
 * share a band with probability 0.9999, of 0.4 with 0.94, of 0.1 with 0.04; candidates are then
 * confirmed by their estimated similarity ({@link PaperMatcher#NEAR_DUPLICATE_MIN}).
 */
public final class LshBands {

    public static final int BANDS = 42;
    public static final int ROWS = 3;

    private LshBands() {
    }

    /** One store key per band: {@code band:<index>:<hash of its rows>}. */
    public static List<String> keys(int[] signature) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int row = 0; row < ROWS; row++) {
                h = MinHash.mix(h * 31 + signature[band * ROWS + row]);
            }
            keys.add("band:" + band + ":" + Long.toHexString(h));
        }
        return keys;
    }
}
