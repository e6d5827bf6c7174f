package io.paperfeed.streams.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * MinHash signatures over word 3-gram shingles of fingerprint text: two texts' signatures agree in
 * about the same fraction of positions as their shingle sets overlap (Jaccard similarity).
 */
public final class MinHash {

    /** Signature length: {@link LshBands#BANDS} bands of {@link LshBands#ROWS} rows. */
    public static final int SIZE = LshBands.BANDS * LshBands.ROWS;
    static final int SHINGLE_WORDS = 3;
    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    /** The signature of a fingerprint text ({@link io.paperfeed.model.text.FingerprintText#of}). */
    public static int[] signature(String fingerprintText) {
        String[] words = fingerprintText.isEmpty() ? new String[0] : fingerprintText.split(" ");
        long[] wordHashes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            wordHashes[i] = wordHash(words[i]);
        }
        int[] sig = new int[SIZE];
        Arrays.fill(sig, Integer.MAX_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE_WORDS + 1);
        for (int i = 0; i < shingles; i++) {
            long h = shingleHash(wordHashes, i);
            // one multiply per permutation (multiply-shift over a well-mixed shingle hash): the MinHash
            // family of most LSH libraries, a tenth of the cost of re-mixing the hash per permutation
            for (int k = 0; k < SIZE; k++) {
                int v = (int) ((h * SEEDS[k]) >>> 33);
                if (v < sig[k]) {
                    sig[k] = v;
                }
            }
        }
        return sig;
    }

    /** The estimated Jaccard similarity: the fraction of equal positions. */
    public static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }

    private static long wordHash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** The hash of the shingle of up to {@link #SHINGLE_WORDS} words from {@code start}, well mixed. */
    private static long shingleHash(long[] wordHashes, int start) {
        long h = 0x9E3779B97F4A7C15L;
        int end = Math.min(wordHashes.length, start + SHINGLE_WORDS);
        for (int i = start; i < end; i++) {
            h = mix(h ^ wordHashes[i]);
        }
        return h;
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SIZE];
        long s = 0x5EED0F0A9EFEEDL;
        for (int i = 0; i < SIZE; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(s) | 1; // odd multipliers
        }
        return seeds;
    }

    static byte[] toBytes(int[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * Integer.BYTES);
        for (int v : signature) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    static int[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] signature = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = buffer.getInt();
        }
        return signature;
    }
}
