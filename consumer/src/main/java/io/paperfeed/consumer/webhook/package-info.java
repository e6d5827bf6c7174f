/**
 * Webhook delivery of alerts, signed as the Standard Webhooks specification says (docs/WEBHOOKS.md).
 *
 * <p>{@link io.paperfeed.consumer.webhook.WebhookDeliveryService} reads {@code paperfeed.alerts} (key:
 * subscription id, value: Alert JSON) in group {@code paperfeed-webhooks}, looks the subscription's
 * webhooks up in the process's {@link io.paperfeed.subscriptions.SubscriptionView}, and POSTs each alert with
 * headers {@code webhook-id} (the alert id, the same on every attempt), {@code webhook-timestamp} and
 * {@code webhook-signature}. Attempts run concurrently on a bounded pool; an attempt that fails with
 * 408, 429, 5xx, a timeout or a connection error goes at once to {@code paperfeed.alerts.retry}
 * ({@code WebhookRetry}, key: subscription id), where the retry worker makes the next attempt when it is
 * due (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default, with jitter, later if {@code Retry-After}
 * says so). A permanent 4xx, a refused address (the SSRF guard) or the last failed attempt goes to
 * {@code paperfeed.alerts.dlq} ({@code WebhookDeadLetter}). A 410 Gone publishes the subscription again,
 * disabled (the {@link io.paperfeed.subscriptions.SubscriptionPublisher}), and the attempt is settled once
 * the view shows it.
 *
 * <p>The alert loop polls on while attempts run ({@code AlertDeliveryLoop}: per-partition settled offsets,
 * {@code PartitionOffsets}, pause and resume); at most a few attempts run per receiver host
 * ({@code HostSlots}), and a first attempt a full host cannot take is deferred to the retry topic, so a
 * receiver that hangs stalls no one. A hand-off that fails is sent again, never the request; when it keeps
 * failing, the loop stops and the service reports it, for {@code /health} and the process's exit.
 *
 * <p>{@code RetryWorker} is generic over the retry record ({@link io.paperfeed.consumer.webhook.Retries}):
 * webhooks use it with {@code WebhookRetries} (available while the host has a free slot), e-mail with its
 * own retries ({@code io.paperfeed.consumer.mail}), so both share one retry loop, its commits, its dead
 * letters of unreadable records and its stop on a failed hand-off.
 *
 * <p>Guarantee: at-least-once. An alert's offset is committed only once it is delivered or handed on by an
 * acknowledged send; receivers drop repeats by {@code webhook-id}.
 */
package io.paperfeed.consumer.webhook;
