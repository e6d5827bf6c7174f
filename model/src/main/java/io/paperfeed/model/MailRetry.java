package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An e-mail waiting for its next attempt, on {@code paperfeed.mail.retry} keyed by subscription id:
 * the alert (instant subscriptions) or the digest it tells of, and the address. The message is built
 * again for each attempt, with the same {@code Message-ID}.
 *
 * @param attempt   the number of the attempt to make (2 for the first retry)
 * @param dueAt     when to make it, not earlier
 * @param lastError why the previous attempt failed, e.g. {@code SMTP 451 try again later}
 */
public record MailRetry(Alert alert, Digest digest, String to, int attempt, Instant dueAt, String lastError) {

    public MailRetry {
        if ((alert == null) == (digest == null)) {
            throw new IllegalArgumentException("a mail retry carries an alert or a digest, one of them");
        }
        Provenance.requireText(to, "to");
        Objects.requireNonNull(dueAt, "dueAt");
        if (attempt < 2) {
            throw new IllegalArgumentException("a retry is attempt 2 or later, not " + attempt);
        }
    }

    /** The subscription the mail is for. */
    public String subscriptionId() {
        return alert != null ? alert.subscriptionId() : digest.subscriptionId();
    }
}
