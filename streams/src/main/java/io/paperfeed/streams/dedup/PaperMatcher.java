package io.paperfeed.streams.dedup;

import io.paperfeed.model.text.FingerprintText;
import java.util.Objects;

/**
 * Finds the known paper a sighting belongs to, by evidence in order of strength: the arXiv id (any
 * version), the DOI, the title (confirmed by some shared text), then near-duplicate abstract text
 * (LSH candidates confirmed by estimated Jaccard similarity). Two papers with different arXiv ids,
 * DOIs or titles are never taken for one by text alone.
 */
final class PaperMatcher {

    /** Estimated Jaccard of abstract shingles above which a candidate is the same paper. */
    static final double NEAR_DUPLICATE_MIN = 0.4;
    /** Shared text a title match needs, so that two papers that share a generic title stay apart. */
    static final double TITLE_MIN = 0.2;

    private final DedupIndex index;

    PaperMatcher(DedupIndex index) {
        this.index = index;
    }

    /** The match, or null for a paper not seen before. */
    Match find(Sighting s) {
        if (s.event().arxivId() != null) {
            Match byId = byEvidence("arxiv:" + s.event().arxivId(), "arxiv-id", s, 0);
            if (byId != null) {
                return byId;
            }
        }
        if (s.doi() != null) {
            Match byDoi = byEvidence("doi:" + s.doi(), "doi", s, 0);
            if (byDoi != null && idsAgree(s, index.paper(byDoi.internalKey()))) {
                return byDoi;
            }
        }
        if (s.title() != null) {
            Match byTitle = byEvidence("title:" + s.title(), "title", s, TITLE_MIN);
            if (byTitle != null && idsAgree(s, index.paper(byTitle.internalKey()))) {
                return byTitle;
            }
        }
        return nearDuplicate(s);
    }

    private Match byEvidence(String evidenceKey, String matchedBy, Sighting s, double minSimilarity) {
        String key = index.byEvidence(evidenceKey);
        if (key == null) {
            return null;
        }
        double similarity = index.paper(key).similarity(s.signature());
        return similarity >= minSimilarity ? new Match(key, matchedBy, similarity) : null;
    }

    private Match nearDuplicate(Sighting s) {
        Match best = null;
        for (String key : index.candidates(s.signature())) {
            PaperState candidate = index.paper(key);
            double similarity = candidate.similarity(s.signature());
            if (similarity >= NEAR_DUPLICATE_MIN && idsAgree(s, candidate) && titlesAgree(s, candidate)
                    && (best == null || similarity > best.similarity())) {
                best = new Match(key, "near-duplicate", similarity);
            }
        }
        return best;
    }

    private static boolean idsAgree(Sighting s, PaperState p) {
        return agree(s.event().arxivId(), p.paper().arxivId()) && agree(s.doi(), normalisedDoi(p));
    }

    private static boolean titlesAgree(Sighting s, PaperState p) {
        String title = p.paper().title() == null ? null : FingerprintText.of(p.paper().title());
        return agree(s.title(), title == null || title.isEmpty() ? null : title);
    }

    private static String normalisedDoi(PaperState p) {
        return p.paper().doi() == null ? null : p.paper().doi().trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean agree(String a, String b) {
        return a == null || b == null || Objects.equals(a, b);
    }
}
