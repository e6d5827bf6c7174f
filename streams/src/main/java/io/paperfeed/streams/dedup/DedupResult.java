package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;

/**
 * The outcome of one sighting: the decision, the paper to publish (null for an exact repeat) and
 * the id the paper was published under until now when that changed (null otherwise).
 */
public record DedupResult(DedupDecision decision, CanonicalPaper paper, String retiredId) {
}
