package io.paperfeed.streams.dedup;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into bands, and two
 * papers become candidates when any band is equal. With 42 bands of 3 rows, texts of Jaccard 0.6
 * share a band with probability 0.9999, of 0.4 with 0.94, of 0.1 with 0.04; candidates are then
 * confirmed by their estimated similarity ({@link Evidence#NEAR_DUPLICATE_MIN}).
 */
public final class LshBands {

    public static final int BANDS = 42;
    public static final int ROWS = 3;

    private LshBands() {
    }

    /** One evidence key per band ({@link Routing#BAND}): a hash of the band's index and its rows. */
    public static long[] keys(int[] signature) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int row = 0; row < ROWS; row++) {
                h = MinHash.mix(h * 31 + signature[band * ROWS + row]);
            }
            keys[band] = Routing.band(h);
        }
        return keys;
    }
}
