package io.paperfeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An e-mail that could not be delivered, on {@code paperfeed.mail.dlq} keyed by subscription id: the
 * SMTP server refused it for good (a 5xx), the last attempt failed, or its subscription or address was
 * gone when a retry came due.
 *
 * @param attempts  how many SMTP attempts were made
 * @param lastError why the last attempt failed
 * @param reason    {@code exhausted}, {@code rejected} (a permanent 5xx) or {@code orphaned}
 */
public record MailDeadLetter(Alert alert, Digest digest, String to, int attempts, String lastError, String reason,
                             Instant deadAt) {

    public MailDeadLetter {
        if ((alert == null) == (digest == null)) {
            throw new IllegalArgumentException("a mail dead letter carries an alert or a digest, one of them");
        }
        Provenance.requireText(to, "to");
        Provenance.requireText(reason, "reason");
        Objects.requireNonNull(deadAt, "deadAt");
    }
}
