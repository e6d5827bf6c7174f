package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.List;

/** Alerts for tests. */
final class Alerts {

    private Alerts() {
    }

    /** Alert {@code alert_<subscription>_<n>} for paper arXiv 2501.<n>, topic kv-cache. */
    static Alert alert(String subscriptionId, int n) {
        String arxivId = String.format("2501.%05d", n);
        PaperEvent e = new PaperEvent(arxivId, 1, null, "Paper <" + n + "> & more", "An abstract.", null, null, null, null,
                null, List.of("https://example.org/p/" + n), new Provenance("seeds/x.txt", "f", 1, Instant.EPOCH));
        return new Alert("alert_" + subscriptionId + "_" + n, subscriptionId,
                CanonicalPaper.firstSighting("arxiv:" + arxivId, e), List.of("kv-cache"), List.of("svd"),
                Instant.now());
    }
}
