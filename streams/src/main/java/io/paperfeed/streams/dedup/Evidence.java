package io.paperfeed.streams.dedup;

import java.util.Objects;

/**
 * Whether a sighting belongs with a paper (or with a pending sighting), by evidence in order of
 * strength: the same DOI, the same title confirmed by some shared text, near-duplicate abstract text.
 * Two papers whose arXiv ids or DOIs disagree are never one; near-duplicate text also needs titles
 * that agree. (The arXiv id, the strongest evidence, decides at the sighting's home before this.)
 */
final class Evidence {

    /** Estimated Jaccard of abstract shingles above which a candidate is the same paper. */
    static final double NEAR_DUPLICATE_MIN = 0.4;
    /** Shared text a title match needs, so that two papers that share a generic title stay apart. */
    static final double TITLE_MIN = 0.2;

    static final String ARXIV_ID = "arxiv-id";
    static final String DOI = "doi";
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
                case ARXIV_ID -> 4;
                case DOI -> 3;
                case TITLE -> 2;
                default -> 1;
            };
        }
    }

    /** The strongest evidence that {@code s} is the paper of {@code target}, or null. */
    static Match compare(Summary s, Summary target, double similarity) {
        if (!agree(s.arxivId(), target.arxivId()) || !agree(s.doi(), target.doi())) {
            return null;
        }
        if (s.doi() != null && s.doi().equals(target.doi())) {
            return new Match(DOI, similarity);
        }
        if (s.titleHash() != 0 && s.titleHash() == target.titleHash() && similarity >= TITLE_MIN) {
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

    private static boolean agree(Object a, Object b) {
        return a == null || b == null || Objects.equals(a, b);
    }
}
