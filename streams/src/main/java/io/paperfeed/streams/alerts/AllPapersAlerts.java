package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import java.time.Instant;
import java.util.List;

/**
 * The walking skeleton's stand-in for subscriptions: one built-in subscription that every new
 * paper alerts. The alert id is stable per (subscription, paper), so a repeat can be recognised.
 */
final class AllPapersAlerts {

    private AllPapersAlerts() {
    }

    static Alert alertFor(String subscriptionId, CanonicalPaper paper) {
        return new Alert(alertId(subscriptionId, paper.id()), subscriptionId, paper,
                paper.topics().stream().map(t -> t.id()).toList(), List.of(), Instant.now());
    }

    static String alertId(String subscriptionId, String paperId) {
        return "alert_" + CanonicalIds.sha256Hex(subscriptionId + "\n" + paperId).substring(0, 24);
    }
}
