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
 * @param topics   the paper's topics that the subscription matched
 * @param terms    the query terms that matched
 * @param occasion why this alert was sent: the paper's first match ({@code new}, also what an alert
 *                 written before occasions existed reads as), an {@code update}, or a status change
 *                 ({@code published}, {@code under_review})
 * @param reason   for people: what the occasion brought, e.g. {@code preprint → published in Nature (10.1038/…)};
 *                 null on a first alert
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
        AlertOn occasion,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) SimilarTo similarTo) {

    public Alert {
        Provenance.requireText(alertId, "alertId");
        Provenance.requireText(subscriptionId, "subscriptionId");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(createdAt, "createdAt");
        topics = topics == null ? List.of() : List.copyOf(topics);
        terms = terms == null ? List.of() : List.copyOf(terms);
        occasion = occasion == null ? AlertOn.NEW : occasion;
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** A paper's first alert to a subscription. */
    public Alert(String alertId, String subscriptionId, CanonicalPaper paper, List<String> topics, List<String> terms,
                 Instant createdAt) {
        this(alertId, subscriptionId, paper, topics, terms, createdAt, AlertOn.NEW, null, null);
    }

    /** This alert under another id, for another occasion. */
    public Alert on(String newAlertId, AlertOn newOccasion, String newReason) {
        return new Alert(newAlertId, subscriptionId, paper, topics, terms, createdAt, newOccasion, newReason, similarTo);
    }

    /** A first alert, with the profile's reasons when its subscription has one. */
    public Alert(String alertId, String subscriptionId, CanonicalPaper paper, List<String> topics, List<String> terms,
                 Instant createdAt, SimilarTo similarTo) {
        this(alertId, subscriptionId, paper, topics, terms, createdAt, AlertOn.NEW, null, similarTo);
    }

    /** An alert for an occasion, of a subscription without a profile. */
    public Alert(String alertId, String subscriptionId, CanonicalPaper paper, List<String> topics, List<String> terms,
                 Instant createdAt, AlertOn occasion, String reason) {
        this(alertId, subscriptionId, paper, topics, terms, createdAt, occasion, reason, null);
    }
}
