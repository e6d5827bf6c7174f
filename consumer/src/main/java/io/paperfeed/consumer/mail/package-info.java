/**
 * E-mail delivery of alerts and digests ({@code {"type": "email", "to": "…"}}) over SMTP with Jakarta
 * Mail (Eclipse Angus).
 *
 * <p>{@link io.paperfeed.consumer.mail.MailDeliveryService} reads {@code paperfeed.alerts} (key:
 * subscription id, value: Alert; instant subscriptions) and {@code paperfeed.digests} (value: Digest;
 * digest subscriptions, one a window) in group {@code paperfeed-mail}, looks the subscription's addresses
 * up in the process's {@code SubscriptionView} and sends one message per address: multipart/alternative
 * (plain text and HTML: titles as a reader sees them, linked to the paper, the authors, and why each paper
 * matched; a digest lists every paper of its window), a {@code Message-ID} stable across attempts,
 * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058,
 * {@link io.paperfeed.consumer.mail.UnsubscribeLinks}), {@code List-Id}, {@code Auto-Submitted}.
 *
 * <p>Retries and dead letters as for webhooks: an SMTP 4xx, a timeout or a connection failure goes to
 * {@code paperfeed.mail.retry} ({@code MailRetry}), tried again by the same {@code RetryWorker} webhooks
 * use, on the same schedule; a 5xx or the last failure goes to {@code paperfeed.mail.dlq}
 * ({@code MailDeadLetter}). A digest or retry record that cannot be read is dead-lettered to
 * {@code paperfeed.papers.invalid} (stage {@code mail}) and committed past, an unreadable alert counted and
 * skipped (the alert consumer writes its letter); a hand-off that fails for good stops the loop or the
 * worker, which {@code /health} shows. Guarantee: at-least-once; offsets move only after every mail of a
 * batch is sent or handed on by an acknowledged send, and a repeat carries the same Message-ID.
 */
package io.paperfeed.consumer.mail;
