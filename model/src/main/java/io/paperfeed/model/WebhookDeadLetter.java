package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert a webhook did not take, on {@code paperfeed.alerts.dlq} keyed by subscription id: the
 * last attempt failed, the receiver refused it for good (a 4xx), or the SSRF guard refused the url.
 *
 * @param url       the webhook url
 * @param attempts  how many HTTP attempts were made (0 when the url was refused before any)
 * @param lastError why the last attempt failed
 * @param reason    {@code exhausted}, {@code rejected} (a permanent 4xx), {@code refused} (SSRF guard) or
 *                  {@code orphaned} (the subscription or its webhook was gone when a retry came due)
 */
public record WebhookDeadLetter(Alert alert, String url, int attempts, String lastError, String reason,
        Instant deadAt) {

    public WebhookDeadLetter {
        Objects.requireNonNull(alert, "alert");
        Provenance.requireText(url, "url");
        Provenance.requireText(reason, "reason");
        Objects.requireNonNull(deadAt, "deadAt");
    }
}
