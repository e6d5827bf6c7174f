package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the de-duplicator decided about one sighting: which paper it belongs to, whether it made a
 * new paper, was merged into a known one (and by what evidence), or was an exact repeat. Published
 * to {@code paperfeed.dedup.decisions}, keyed by the sighting's item key: the audit trail of merges.
 *
 * @param matchedBy  {@code arxiv-id}, {@code doi}, {@code title}, {@code near-duplicate}, or {@code none} for a new paper
 * @param similarity estimated Jaccard similarity of the texts when that decided, else 0
 */
public record DedupDecision(
        String itemKey,
        String paperId,
        Outcome outcome,
        String matchedBy,
        double similarity,
        Instant at) {

    /**
     * NEW paper, MERGED into a known paper, an exact REPEAT of a sighting already merged, or HELD: a
     * title-only sighting that matched no paper, kept (under a {@code held:} id, never published) until
     * a sighting with an abstract joins it.
     */
    public enum Outcome { NEW, MERGED, REPEAT, HELD }

    public DedupDecision {
        Provenance.requireText(itemKey, "itemKey");
        Provenance.requireText(paperId, "paperId");
        Objects.requireNonNull(outcome, "outcome");
        Provenance.requireText(matchedBy, "matchedBy");
        Objects.requireNonNull(at, "at");
    }
}
