package io.paperfeed.streams.dedup;

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

    /** Stores the paper and points its evidence and bands at it. */
    void put(String internalKey, PaperState state) {
        papers.put(internalKey, state);
        var paper = state.paper();
        if (paper.arxivId() != null) {
            evidence.put("arxiv:" + paper.arxivId(), internalKey);
        }
        if (paper.doi() != null) {
            evidence.put("doi:" + paper.doi().trim().toLowerCase(java.util.Locale.ROOT), internalKey);
        }
        String title = paper.title() == null ? "" : TextFingerprint.of(paper.title());
        if (!title.isEmpty() && evidence.get("title:" + title) == null) {
            evidence.put("title:" + title, internalKey);
        }
        for (byte[] signature : state.signatures()) {
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
}
