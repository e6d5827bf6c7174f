package io.paperfeed.streams.alerts;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperStatus;

/** The {@code reason} of a status-change alert, for people: {@code published in Patterns (10.1016/…)}. */
final class StatusReasons {

    private StatusReasons() {
    }

    static String of(CanonicalPaper paper) {
        PaperStatus status = paper.status();
        StringBuilder reason = new StringBuilder(status == PaperStatus.PUBLISHED ? "published" : "under review");
        if (paper.venue() != null) {
            reason.append(status == PaperStatus.PUBLISHED ? " in " : " at ").append(paper.venue());
        }
        if (status == PaperStatus.PUBLISHED && paper.doi() != null) {
            reason.append(" (").append(paper.doi()).append(')');
        }
        return reason.toString();
    }
}
