package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.text.FingerprintText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a comparison needs of a sighting or a paper: its arXiv id, its normalised DOIs (its own and
 * those of its preprint or publication), its other identifiers ({@code scheme:value}), a hash of its
 * title's fingerprint text (0 for none), hashes of its authors' surnames, and a 16-bit MinHash
 * signature of its abstract (empty for a title-only sighting). b-bit MinHash: the low 16 bits of each
 * value, so two different values agree by chance once in 65,536 and the estimate is as good as with
 * 32 bits, at half the bytes.
 */
record Summary(String arxivId, String[] dois, String[] ids, long titleHash, int[] authors, short[] signature) {

    /** Identifier schemes that name one work wherever it appears (not a journal's ISSN, not arXiv's OAI id). */
    static final List<String> ID_SCHEMES = List.of("pmid", "pmcid", "openreview", "openalex", "s2", "corpus-id");
    private static final short[] NO_TEXT = new short[0];
    private static final int MAX_AUTHORS = 64;

    static Summary of(PaperEvent e, int[] signature) {
        return new Summary(blankToNull(e.arxivId()), dois(e.dois()), ids(e.ids()), titleHash(e.title()),
                authors(e.authors()), signature == null ? NO_TEXT : compact(signature));
    }

    static Summary of(CanonicalPaper p, short[] signature) {
        return new Summary(blankToNull(p.arxivId()), dois(p.dois()), ids(p.ids()), titleHash(p.title()),
                authors(p.authors()), signature == null ? NO_TEXT : signature);
    }

    boolean hasText() {
        return signature.length > 0;
    }

    static String normaliseDoi(String doi) {
        return doi == null || doi.isBlank() ? null : doi.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised DOI is arXiv's own ({@code 10.48550/arxiv.…}), which names an arXiv id rather than a journal version. */
    static boolean isArxivDoi(String doi) {
        return doi.startsWith("10.48550/arxiv.");
    }

    /** The hash of a title's fingerprint text, 0 when it has none. */
    static long titleHash(String title) {
        String fingerprint = title == null ? "" : FingerprintText.of(title);
        return fingerprint.isEmpty() ? 0 : Routing.hash64(fingerprint) | 1;
    }

    /** The surname of an author as feeds write names ({@code Yann LeCun}, {@code Y. LeCun}, {@code LeCun, Yann}), as letters only. */
    static String surname(String name) {
        int comma = name.indexOf(',');
        String family = comma > 0 ? name.substring(0, comma) : name.strip();
        if (comma <= 0) {
            String[] parts = family.split("\\s+");
            family = parts[parts.length - 1];
        }
        StringBuilder letters = new StringBuilder();
        FingerprintText.of(family).codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    /** Whether the two share an author's surname. */
    static boolean authorsOverlap(int[] a, int[] b) {
        for (int x : a) {
            if (Arrays.binarySearch(b, x) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two share a DOI. */
    static boolean share(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the summary names a DOI of a journal, conference or preprint server version (not arXiv's own). */
    boolean hasVersionDoi() {
        for (String d : dois) {
            if (!isArxivDoi(d)) {
                return true;
            }
        }
        return false;
    }

    static short[] compact(int[] signature) {
        short[] compact = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            compact[i] = (short) signature[i];
        }
        return compact;
    }

    /** The estimated Jaccard similarity of two compact signatures: the fraction of equal positions (0 when either has no text). */
    static double similarity(short[] a, short[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) a.length;
    }

    private static String[] dois(List<String> dois) {
        TreeSet<String> set = new TreeSet<>();
        dois.forEach(d -> {
            String n = normaliseDoi(d);
            if (n != null) {
                set.add(n);
            }
        });
        return set.toArray(String[]::new);
    }

    private static String[] ids(Map<String, List<String>> ids) {
        List<String> out = new ArrayList<>();
        for (String scheme : ID_SCHEMES) {
            for (String v : ids.getOrDefault(scheme, List.of())) {
                if (!v.isBlank()) {
                    out.add(scheme + ":" + v.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out.stream().distinct().sorted().toArray(String[]::new);
    }

    private static int[] authors(List<String> names) {
        return names.stream().limit(MAX_AUTHORS).map(Summary::surname).filter(s -> s.length() > 1)
                .mapToInt(s -> (int) Routing.hash64("au:" + s)).distinct().sorted().toArray();
    }

    static void write(Bin.Writer w, Summary s) {
        w.str(s.arxivId).strings(List.of(s.dois)).strings(List.of(s.ids)).i64(s.titleHash).varint(s.authors.length);
        for (int a : s.authors) {
            w.varint(a & 0xFFFFFFFFL);
        }
        writeSignature(w, s.signature);
    }

    /** A summary as written by {@link #write}; {@code version} 1 is the layout before DOIs, ids and authors. */
    static Summary read(Bin.Reader r, int version) {
        if (version == 1) {
            String arxivId = r.str();
            String doi = r.str();
            return new Summary(arxivId, doi == null ? new String[0] : new String[] {doi}, new String[0], r.i64(),
                    new int[0], readSignature(r));
        }
        String arxivId = r.str();
        String[] dois = r.strings().toArray(String[]::new);
        String[] ids = r.strings().toArray(String[]::new);
        long title = r.i64();
        int n = r.length();
        int[] authors = new int[n];
        for (int i = 0; i < n; i++) {
            authors[i] = (int) r.varint();
        }
        return new Summary(arxivId, dois, ids, title, authors, readSignature(r));
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
