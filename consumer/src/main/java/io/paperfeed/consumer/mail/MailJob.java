package io.paperfeed.consumer.mail;

import io.paperfeed.model.Alert;
import io.paperfeed.model.Digest;
import io.paperfeed.model.MailDeadLetter;
import io.paperfeed.model.MailRetry;
import java.time.Instant;

/** One mail to send: an alert or a digest, to one address. */
record MailJob(Alert alert, Digest digest, String to) {

    MailJob {
        if ((alert == null) == (digest == null)) {
            throw new IllegalArgumentException("a mail tells of an alert or a digest, one of them");
        }
    }

    static MailJob of(MailRetry retry) {
        return new MailJob(retry.alert(), retry.digest(), retry.to());
    }

    String subscriptionId() {
        return alert != null ? alert.subscriptionId() : digest.subscriptionId();
    }

    /** What the log calls it: the alert id, or the digest's subscription and window. */
    String describe() {
        return alert != null ? "alert " + alert.alertId() : "digest of " + digest.subscriptionId() + " from " + digest.windowStart();
    }

    MailRetry retry(int attempt, Instant dueAt, String lastError) {
        return new MailRetry(alert, digest, to, attempt, dueAt, lastError);
    }

    MailDeadLetter deadLetter(int attempts, String lastError, String reason, Instant at) {
        return new MailDeadLetter(alert, digest, to, attempts, lastError, reason, at);
    }
}
