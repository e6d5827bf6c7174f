package io.paperfeed.streams.dedup;

/**
 * Whether a sighting belongs with a paper (or with a pending sighting), by evidence in order of
 * strength: a shared DOI (its own, or the DOI of its preprint or publication: a bioRxiv preprint that
 * names its journal DOI and the journal's record meet by it), a shared other identifier (PubMed,
 * OpenReview, …), the same title confirmed by some shared text (or, when either has no abstract, by a
 * shared author surname), then near-duplicate abstract text. Two papers whose arXiv ids disagree, or
 * that both name DOIs of journals or servers and none in common, are never one; near-duplicate text
 * also needs titles that agree. (The arXiv id, the strongest evidence, decides at the sighting's home
 * before this.)
 */
final class Evidence {

    /** Estimated Jaccard of abstract shingles above which a candidate is the same paper. */
    static final double NEAR_DUPLICATE_MIN = 0.4;
    /** Shared text a title match needs, so that two papers that share a generic title stay apart. */
    static final double TITLE_MIN = 0.2;

    static final String ARXIV_ID = "arxiv-id";
    static final String DOI = "doi";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String NEAR_DUPLICATE = "near-duplicate";

    private Evidence() {
    }

    /** A confirmed match: the evidence that decided it and the estimated text similarity. */
    record Match(String matchedBy, double similarity) {

        int rank() {
            return rank(matchedBy);
        }

        static int rank(String matchedBy) {
            return switch (matchedBy) {
                case ARXIV_ID -> 5;
                case DOI -> 4;
                case ID -> 3;
                case TITLE -> 2;
                default -> 1;
            };
        }
    }

    /** The strongest evidence that {@code s} is the paper of {@code target}, or null. */
    static Match compare(Summary s, Summary target, double similarity) {
        if (s.arxivId() != null && target.arxivId() != null && !s.arxivId().equals(target.arxivId())) {
            return null;
        }
        if (Summary.share(s.dois(), target.dois())) {
            return new Match(DOI, similarity);
        }
        if (s.hasVersionDoi() && target.hasVersionDoi()) {
            return null;
        }
        if (Summary.share(s.ids(), target.ids())) {
            return new Match(ID, similarity);
        }
        boolean sameTitle = s.titleHash() != 0 && s.titleHash() == target.titleHash();
        if (sameTitle && similarity >= TITLE_MIN) {
            return new Match(TITLE, similarity);
        }
        if (sameTitle && (!s.hasText() || !target.hasText()) && Summary.authorsOverlap(s.authors(), target.authors())) {
            return new Match(TITLE, similarity);
        }
        boolean titlesAgree = s.titleHash() == 0 || target.titleHash() == 0 || s.titleHash() == target.titleHash();
        return similarity >= NEAR_DUPLICATE_MIN && titlesAgree ? new Match(NEAR_DUPLICATE, similarity) : null;
    }

    static Match compare(Summary s, PaperStates.PaperState paper) {
        return compare(s, paper.summary(), paper.similarity(s.signature()));
    }

    static Match compare(Summary s, Summary pending) {
        return compare(s, pending, Summary.similarity(s.signature(), pending.signature()));
    }
}
