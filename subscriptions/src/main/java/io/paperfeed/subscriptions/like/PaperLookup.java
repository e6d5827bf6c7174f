package io.paperfeed.subscriptions.like;

import io.paperfeed.model.CanonicalPaper;
import java.util.Optional;

/** Finds a paper paperfeed has seen by its canonical id (or an alias). */
@FunctionalInterface
public interface PaperLookup {

    Optional<CanonicalPaper> find(String canonicalId);

    /** A lookup that knows no paper. */
    static PaperLookup none() {
        return id -> Optional.empty();
    }
}
