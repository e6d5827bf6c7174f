package io.paperfeed.streams.dedup;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.text.FingerprintText;

/**
 * A sighting with everything the de-duplicator needs of it, computed once where it is decoded (so
 * fingerprinting and MinHash scale with the raw topic's partitions): its home key ({@code a:<arXiv
 * id>}, else {@code c:<content hash>}), the hash of everything it says ({@code contentHash}, for exact
 * repeats), its {@link Summary}, and the evidence keys it is found by: DOI, title, content hash and
 * the 42 LSH bands of its abstract.
 */
record SightingData(PaperEvent event, String contentHash, String abstractHash, Summary summary, long[] keys) {

    static SightingData of(PaperEvent e) {
        int[] signature = MinHash.signature(FingerprintText.of(e.abstractText()));
        Summary summary = Summary.of(e.arxivId(), e.doi(), e.title(), signature);
        String abstractHash = ContentIds.hash(e.abstractText());
        long[] bands = LshBands.keys(signature);
        long[] keys = new long[bands.length + 3];
        int n = 0;
        if (summary.doi() != null) {
            keys[n++] = Routing.evidence(Routing.DOI, summary.doi());
        }
        if (summary.titleHash() != 0) {
            keys[n++] = Routing.evidence(Routing.TITLE, Long.toHexString(summary.titleHash()));
        }
        keys[n++] = contentKey(abstractHash);
        System.arraycopy(bands, 0, keys, n, bands.length);
        n += bands.length;
        return new SightingData(e, PaperStates.contentHash(e), abstractHash, summary, java.util.Arrays.copyOf(keys, n));
    }

    static long contentKey(String abstractHash) {
        return Routing.evidence(Routing.CONTENT, abstractHash);
    }

    /** {@code a:<arXiv id>} for a sighting with one, else {@code c:<content hash>}. */
    String homeKey() {
        return summary.arxivId() != null ? "a:" + summary.arxivId() : "c:" + abstractHash;
    }

    boolean hasArxivId() {
        return summary.arxivId() != null;
    }

    /** Bare: no arXiv id, DOI or title, so its content hash alone says which paper it is. */
    boolean isBare() {
        return summary.arxivId() == null && summary.doi() == null && summary.titleHash() == 0;
    }

    String itemKey() {
        return event.itemKey();
    }

    static void write(Bin.Writer w, SightingData s) {
        RecordCodec.write(w, s.event);
        w.str(s.contentHash).str(s.abstractHash);
        Summary.write(w, s.summary);
        w.longs(s.keys);
    }

    static SightingData read(Bin.Reader r) {
        return new SightingData(RecordCodec.readEvent(r), r.str(), r.str(), Summary.read(r), r.longs());
    }
}
