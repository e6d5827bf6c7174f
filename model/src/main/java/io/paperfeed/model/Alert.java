package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert: a canonical paper matched one subscription. Published to {@code paperfeed.alerts}
 * keyed by subscription id; {@code alertId} is stable for a (subscription, paper) pair, so a
 * receiver can drop repeats.
 *
 * @param topics the paper's topics that the subscription matched
 * @param terms  the query terms that matched
 * @param similarTo for a subscription with a {@code like} profile (or ratings): the score and the closest
 *               liked papers; null otherwise
 */
public record Alert(
        String alertId,
        String subscriptionId,
        CanonicalPaper paper,
        List<String> topics,
        List<String> terms,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) SimilarTo similarTo) {

    public Alert {
        Provenance.requireText(alertId, "alertId");
        Provenance.requireText(subscriptionId, "subscriptionId");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(createdAt, "createdAt");
        topics = topics == null ? List.of() : List.copyOf(topics);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** An alert of a subscription without a profile. */
    public Alert(String alertId, String subscriptionId, CanonicalPaper paper, List<String> topics, List<String> terms,
                 Instant createdAt) {
        this(alertId, subscriptionId, paper, topics, terms, createdAt, null);
    }
}
