package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook delivery waiting for its next attempt, on {@code paperfeed.alerts.retry} keyed by
 * subscription id. It names the target by url, not by secret: the secret is looked up in the
 * subscription when the attempt is made, so it never lands in a topic.
 *
 * @param url       the webhook url, one of the subscription's deliveries
 * @param attempt   the number of the attempt to make: 2 for the first retry, 1 for a first attempt deferred
 *                  because its receiver's host already had as many attempts running or waiting as allowed
 * @param dueAt     when to make it, not earlier
 * @param lastError why the previous attempt failed, e.g. {@code HTTP 503} or {@code connect timed out}
 */
public record WebhookRetry(Alert alert, String url, int attempt, Instant dueAt, String lastError) {

    public WebhookRetry {
        Objects.requireNonNull(alert, "alert");
        Provenance.requireText(url, "url");
        Objects.requireNonNull(dueAt, "dueAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("an attempt is numbered from 1, not " + attempt);
        }
    }
}
