package io.paperfeed.streams.dedup;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.text.FingerprintText;
import java.util.Arrays;

/**
 * A sighting with everything the de-duplicator needs of it, computed once where it is decoded (so
 * fingerprinting and MinHash scale with the raw topic's partitions): its home key ({@code a:<arXiv
 * id>}, else {@code c:<content hash>}, else for a title-only sighting {@code n:<sighting hash>}), the
 * hash of everything it says ({@code contentHash}, for exact repeats), its {@link Summary}, and the
 * evidence keys it is found by: every DOI it names (its own and its preprint's or publication's),
 * its other identifiers, its title, and for a sighting with an abstract the content hash and the 42
 * LSH bands.
 */
record SightingData(PaperEvent event, String contentHash, String abstractHash, Summary summary, long[] keys) {

    static SightingData of(PaperEvent e) {
        int[] signature = e.hasAbstract() ? MinHash.signature(FingerprintText.of(e.abstractText())) : null;
        Summary summary = Summary.of(e, signature);
        String abstractHash = e.hasAbstract() ? ContentIds.hash(e.abstractText()) : null;
        long[] identity = identityKeys(summary);
        if (abstractHash == null) {
            return new SightingData(e, PaperStates.contentHash(e), null, summary, identity);
        }
        long[] bands = LshBands.keys(signature);
        long[] keys = Arrays.copyOf(identity, identity.length + 1 + bands.length);
        keys[identity.length] = contentKey(abstractHash);
        System.arraycopy(bands, 0, keys, identity.length + 1, bands.length);
        return new SightingData(e, PaperStates.contentHash(e), abstractHash, summary, keys);
    }

    /** The keys of what names a paper rather than its text: DOIs, other ids, the title. */
    static long[] identityKeys(Summary s) {
        long[] keys = new long[s.dois().length + s.ids().length + 1];
        int n = 0;
        for (String doi : s.dois()) {
            keys[n++] = doiKey(doi);
        }
        for (String id : s.ids()) {
            keys[n++] = Routing.evidence(Routing.DOI, id);
        }
        if (s.titleHash() != 0) {
            keys[n++] = Routing.evidence(Routing.TITLE, Long.toHexString(s.titleHash()));
        }
        return Arrays.copyOf(keys, n);
    }

    static long doiKey(String normalisedDoi) {
        return Routing.evidence(Routing.DOI, normalisedDoi);
    }

    static long contentKey(String abstractHash) {
        return Routing.evidence(Routing.CONTENT, abstractHash);
    }

    /** {@code a:<arXiv id>} for a sighting with one, else {@code c:<content hash>}, else {@code n:<sighting hash>}. */
    String homeKey() {
        return summary.arxivId() != null ? "a:" + summary.arxivId()
                : abstractHash != null ? "c:" + abstractHash : "n:" + contentHash;
    }

    boolean hasArxivId() {
        return summary.arxivId() != null;
    }

    boolean hasAbstract() {
        return abstractHash != null;
    }

    /** Bare: no arXiv id, DOI, other id or title, so its content hash alone says which paper it is. */
    boolean isBare() {
        return summary.arxivId() == null && summary.dois().length == 0 && summary.ids().length == 0
                && summary.titleHash() == 0;
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

    static SightingData read(Bin.Reader r, int version) {
        return new SightingData(RecordCodec.readEvent(r, version), r.str(), r.str(), Summary.read(r, version),
                r.longs());
    }
}
