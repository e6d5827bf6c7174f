package io.paperfeed.streams.dedup;

import io.paperfeed.model.text.FingerprintText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The de-duplicator's state: papers by internal key, and an index from evidence to papers:
 * {@code arxiv:<id>}, {@code doi:<doi>} and {@code title:<fingerprint>} to one paper, and LSH band
 * keys to the papers that have that band. The internal key is the paper's first id and never
 * changes, even when its public id does.
 */
final class DedupIndex {

    static final String PAPERS_STORE = "dedup-papers";
    static final String EVIDENCE_STORE = "dedup-evidence";
    static final String BANDS_STORE = "dedup-bands";

    private final KeyValueStore<String, PaperState> papers;
    private final KeyValueStore<String, String> evidence;
    private final KeyValueStore<String, String> bands;

    DedupIndex(KeyValueStore<String, PaperState> papers, KeyValueStore<String, String> evidence,
               KeyValueStore<String, String> bands) {
        this.papers = papers;
        this.evidence = evidence;
        this.bands = bands;
    }

    /**
     * Rebuilds the evidence and band indexes from the papers store when they are empty and it is not:
     * after a restore from the changelog (only the papers store is logged). Returns the papers indexed.
     */
    int rebuildIfEmpty() {
        try (var anyBand = bands.all(); var anyEvidence = evidence.all(); var all = papers.all()) {
            if (anyBand.hasNext() || anyEvidence.hasNext()) {
                return 0;
            }
            int count = 0;
            while (all.hasNext()) {
                var entry = all.next();
                put(entry.key, entry.value);
                count++;
            }
            return count;
        }
    }

    PaperState paper(String internalKey) {
        return papers.get(internalKey);
    }

    /** The paper this evidence ({@code arxiv:…}, {@code doi:…}, {@code title:…}) points at, or null. */
    String byEvidence(String key) {
        return evidence.get(key);
    }

    /** Papers sharing at least one LSH band with the signature, without repeats. */
    List<String> candidates(int[] signature) {
        List<String> found = new ArrayList<>();
        for (String band : LshBands.keys(signature)) {
            String members = bands.get(band);
            if (members != null) {
                for (String key : members.split("\n")) {
                    if (!found.contains(key)) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    /** Stores a paper and points its evidence and the bands of all its signatures at it. */
    void put(String internalKey, PaperState state) {
        update(internalKey, state, state.signatures());
    }

    /** Stores a changed paper; only the given (new) signatures need their bands indexed. */
    void update(String internalKey, PaperState state, List<byte[]> newSignatures) {
        papers.put(internalKey, state);
        var paper = state.paper();
        if (paper.arxivId() != null) {
            pointAt("arxiv:" + paper.arxivId(), internalKey);
        }
        if (paper.doi() != null) {
            pointAt("doi:" + paper.doi().trim().toLowerCase(java.util.Locale.ROOT), internalKey);
        }
        String title = paper.title() == null ? "" : FingerprintText.of(paper.title());
        if (!title.isEmpty() && evidence.get("title:" + title) == null) {
            evidence.put("title:" + title, internalKey);
        }
        for (byte[] signature : newSignatures) {
            for (String band : LshBands.keys(MinHash.fromBytes(signature))) {
                String members = bands.get(band);
                if (members == null) {
                    bands.put(band, internalKey);
                } else if (!Arrays.asList(members.split("\n")).contains(internalKey)) {
                    bands.put(band, members + "\n" + internalKey);
                }
            }
        }
    }

    private void pointAt(String evidenceKey, String internalKey) {
        if (!internalKey.equals(evidence.get(evidenceKey))) {
            evidence.put(evidenceKey, internalKey);
        }
    }
}
