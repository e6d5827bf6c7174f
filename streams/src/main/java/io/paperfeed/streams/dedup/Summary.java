package io.paperfeed.streams.dedup;

import io.paperfeed.model.text.FingerprintText;
import java.util.Locale;

/**
 * What a comparison needs of a sighting or a paper: its arXiv id, normalised DOI, a hash of its
 * title's fingerprint text (0 for none) and a 16-bit MinHash signature (b-bit MinHash: the low 16
 * bits of each value, so two different values agree by chance once in 65,536 and the estimate is
 * as good as with 32 bits, at half the bytes).
 */
record Summary(String arxivId, String doi, long titleHash, short[] signature) {

    static Summary of(String arxivId, String doi, String title, int[] signature) {
        return new Summary(blankToNull(arxivId), normaliseDoi(doi), titleHash(title), compact(signature));
    }

    static String normaliseDoi(String doi) {
        return doi == null || doi.isBlank() ? null : doi.trim().toLowerCase(Locale.ROOT);
    }

    /** The hash of a title's fingerprint text, 0 when it has none. */
    static long titleHash(String title) {
        String fingerprint = title == null ? "" : FingerprintText.of(title);
        return fingerprint.isEmpty() ? 0 : Routing.hash64(fingerprint) | 1;
    }

    static short[] compact(int[] signature) {
        short[] compact = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            compact[i] = (short) signature[i];
        }
        return compact;
    }

    /** The estimated Jaccard similarity of two compact signatures: the fraction of equal positions. */
    static double similarity(short[] a, short[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) a.length;
    }

    static void write(Bin.Writer w, Summary s) {
        w.str(s.arxivId).str(s.doi).i64(s.titleHash);
        writeSignature(w, s.signature);
    }

    static Summary read(Bin.Reader r) {
        return new Summary(r.str(), r.str(), r.i64(), readSignature(r));
    }

    static void writeSignature(Bin.Writer w, short[] signature) {
        w.varint(signature.length);
        for (short v : signature) {
            w.u8(v >>> 8).u8(v);
        }
    }

    static short[] readSignature(Bin.Reader r) {
        int n = r.length();
        short[] signature = new short[n];
        for (int i = 0; i < n; i++) {
            signature[i] = (short) ((r.u8() << 8) | r.u8());
        }
        return signature;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
