package io.paperfeed.consumer.webhook;

import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.consumer.webhook.WebhookMetrics.DeliveryOutcome;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one webhook attempt on a bounded pool and hands on whatever is left to do, so that the
 * returned future completes only when the alert is settled for this attempt: delivered, or durably
 * handed to the retry topic, the dead-letter topic or (410 Gone) the subscriptions topic, each by an
 * acknowledged send. Callers commit their offsets only after that.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(10);

    private final WebhookSender sender;
    private final Producer<String, byte[]> producer;
    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;
    private final RetrySchedule schedule;
    private final WebhookTopicNames topics;
    private final WebhookMetrics metrics;
    private final ExecutorService pool;
    private final Clock clock;

    WebhookDispatcher(WebhookSender sender, Producer<String, byte[]> producer, SubscriptionView view,
            SubscriptionPublisher publisher, RetrySchedule schedule, WebhookTopicNames topics, WebhookMetrics metrics, ExecutorService pool, Clock clock) {
        this.sender = sender;
        this.producer = producer;
        this.view = view;
        this.publisher = publisher;
        this.schedule = schedule;
        this.topics = topics;
        this.metrics = metrics;
        this.pool = pool;
        this.clock = clock;
    }

    /** Attempt number {@code attempt} (1 for the first) of delivering the alert to the webhook. */
    CompletableFuture<Void> attempt(Alert alert, Delivery webhook, int attempt) {
        try {
            return CompletableFuture.supplyAsync(() -> send(alert, webhook), pool)
                    .thenCompose(result -> settle(alert, webhook, attempt, result));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A retry whose subscription or webhook is gone: dead-lettered, so that it is not lost unseen. */
    CompletableFuture<Void> orphan(WebhookRetry retry, String why) {
        metrics.count(DeliveryOutcome.DEAD_LETTERED);
        return deadLetter(retry.alert(), retry.url(), retry.attempt() - 1, why, "orphaned");
    }

    private SendResult send(Alert alert, Delivery webhook) {
        long start = System.nanoTime();
        SendResult result = sender.send(webhook.url(), alert.alertId(), WebhookBody.of(alert, webhook.format()),
                new WebhookSigner(webhook.secret()));
        metrics.time(result.outcome(), System.nanoTime() - start);
        return result;
    }

    private CompletableFuture<Void> settle(Alert alert, Delivery webhook, int attempt,
            SendResult result) {
        String url = webhook.url();
        switch (result.outcome()) {
            case DELIVERED -> {
                metrics.count(DeliveryOutcome.DELIVERED);
                return CompletableFuture.completedFuture(null);
            }
            case GONE -> {
                metrics.count(DeliveryOutcome.GONE);
                return disable(alert.subscriptionId(), url);
            }
            case REFUSED -> {
                metrics.count(DeliveryOutcome.REFUSED);
                log.warn("webhook of subscription {} refused: {}", alert.subscriptionId(), result.error());
                return deadLetter(alert, url, attempt - 1, result.error(), "refused");
            }
            case REJECTED -> {
                metrics.count(DeliveryOutcome.DEAD_LETTERED);
                return deadLetter(alert, url, attempt, result.error(), "rejected");
            }
            default -> {
                Instant now = clock.instant();
                Optional<Instant> next = schedule.nextAttemptAt(attempt, now, result.retryAfter());
                if (next.isEmpty()) {
                    metrics.count(DeliveryOutcome.DEAD_LETTERED);
                    return deadLetter(alert, url, attempt, result.error(), "exhausted");
                }
                metrics.count(DeliveryOutcome.RETRIED);
                WebhookRetry retry = new WebhookRetry(alert, url, attempt + 1, next.get(), result.error());
                return send(topics.retry(), alert.subscriptionId(),
                        PaperSerdes.WEBHOOK_RETRY.serialize(topics.retry(), retry));
            }
        }
    }

    private CompletableFuture<Void> deadLetter(Alert alert, String url, int attempts, String error, String reason) {
        WebhookDeadLetter letter = new WebhookDeadLetter(alert, url, attempts, error, reason, clock.instant());
        return send(topics.deadLetters(), alert.subscriptionId(),
                PaperSerdes.WEBHOOK_DEAD_LETTER.serialize(topics.deadLetters(), letter))
                .thenRun(metrics::deadLetter);
    }

    /**
     * Publishes the subscription again, disabled, naming the webhook and the time; settled once the view
     * shows it, so the next alert of the subscription is not sent to the gone URL.
     */
    private CompletableFuture<Void> disable(String subscriptionId, String url) {
        Optional<Subscription> current = view.get(subscriptionId);
        if (current.isEmpty() || current.get().disabled() || current.get().delivery().stream()
                .noneMatch(d -> d.type() == Delivery.Type.WEBHOOK && url.equals(d.url()))) {
            return CompletableFuture.completedFuture(null); // gone, or replaced meanwhile without that URL
        }
        String reason = "webhook " + url + " answered 410 Gone at " + clock.instant();
        log.warn("subscription {} disabled: {}", subscriptionId, reason);
        return publisher.disable(current.get(), reason).thenAcceptAsync(written -> {
            try {
                if (!view.awaitPast(written, VIEW_WAIT)) {
                    log.warn("subscription {} disabled, but the view does not show it yet", subscriptionId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, pool);
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(e);
            }
        });
        return acked;
    }

    /** Counts a record of the alerts or retry topic that could not be read ({@code alerts} or {@code retry}). */
    void unreadable(String topic) {
        metrics.unreadable(topic);
    }
}
