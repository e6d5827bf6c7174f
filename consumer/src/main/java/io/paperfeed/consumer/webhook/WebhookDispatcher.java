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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one webhook attempt on a bounded pool, at most {@link HostSlots a few at once per host}, and hands on
 * whatever is left to do, so that the returned future completes only when the alert is settled for this
 * attempt: delivered, or durably handed to the retry topic, the dead-letter topic or (410 Gone) the
 * subscriptions topic, each by an acknowledged send. Callers commit their offsets only after that.
 *
 * <p>A first attempt whose host is full (its slots and its queue taken, e.g. by a receiver that hangs) is
 * not made: it is deferred to the retry topic at once (same attempt number, due at once), so the alert loop
 * never waits behind one slow receiver. A hand-off that fails is sent again ({@link #HAND_OFF_DELAYS}),
 * never the HTTP request; when it still fails, the future fails and the caller stops with a problem that
 * {@code /health} shows.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(10);
    /** Waits before sending a failed hand-off (retry, dead letter) again; then the failure is the caller's. */
    static final List<Duration> HAND_OFF_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));

    private final WebhookSender sender;
    private final Producer<String, byte[]> producer;
    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;
    private final RetrySchedule schedule;
    private final WebhookTopicNames topics;
    private final WebhookMetrics metrics;
    private final ExecutorService pool;
    private final HostSlots slots;
    private final Clock clock;
    private final List<Duration> handOffDelays;

    WebhookDispatcher(WebhookSender sender, Producer<String, byte[]> producer, SubscriptionView view,
            SubscriptionPublisher publisher, RetrySchedule schedule, WebhookTopicNames topics, WebhookMetrics metrics,
            ExecutorService pool, HostSlots slots, Clock clock) {
        this(sender, producer, view, publisher, schedule, topics, metrics, pool, slots, clock, HAND_OFF_DELAYS);
    }

    WebhookDispatcher(WebhookSender sender, Producer<String, byte[]> producer, SubscriptionView view,
            SubscriptionPublisher publisher, RetrySchedule schedule, WebhookTopicNames topics, WebhookMetrics metrics,
            ExecutorService pool, HostSlots slots, Clock clock, List<Duration> handOffDelays) {
        this.sender = sender;
        this.producer = producer;
        this.view = view;
        this.publisher = publisher;
        this.schedule = schedule;
        this.topics = topics;
        this.metrics = metrics;
        this.pool = pool;
        this.slots = slots;
        this.clock = clock;
        this.handOffDelays = List.copyOf(handOffDelays);
    }

    /** The first attempt of delivering the alert to the webhook, or its deferral when the host is full. */
    CompletableFuture<Void> firstAttempt(Alert alert, Delivery webhook) {
        CompletableFuture<SendResult> sent = slots.submit(webhook.url(), () -> send(alert, webhook), false);
        if (sent == null) {
            metrics.count(DeliveryOutcome.DEFERRED);
            WebhookRetry deferred = new WebhookRetry(alert, webhook.url(), 1, clock.instant(),
                    "deferred: " + slots.running(webhook.url()) + " attempts to its host already running");
            return handOff(topics.retry(), alert.subscriptionId(),
                    PaperSerdes.WEBHOOK_RETRY.serialize(topics.retry(), deferred));
        }
        return sent.thenCompose(result -> settle(alert, webhook, 1, result));
    }

    /**
     * Attempt number {@code attempt} of delivering the alert to the webhook; it waits for a slot of its host
     * (the retry worker starts attempts only for {@link #hostAvailable available} hosts, and bounds how many).
     */
    CompletableFuture<Void> attempt(Alert alert, Delivery webhook, int attempt) {
        return slots.submit(webhook.url(), () -> send(alert, webhook), true)
                .thenCompose(result -> settle(alert, webhook, attempt, result));
    }

    /** Whether an attempt against the URL's host would start at once. */
    boolean hostAvailable(String url) {
        return slots.available(url);
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
                return handOff(topics.retry(), alert.subscriptionId(),
                        PaperSerdes.WEBHOOK_RETRY.serialize(topics.retry(), retry));
            }
        }
    }

    private CompletableFuture<Void> deadLetter(Alert alert, String url, int attempts, String error, String reason) {
        WebhookDeadLetter letter = new WebhookDeadLetter(alert, url, attempts, error, reason, clock.instant());
        return handOff(topics.deadLetters(), alert.subscriptionId(),
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

    /** Sends the record, again after each of {@link #handOffDelays} while it fails; fails after the last. */
    private CompletableFuture<Void> handOff(String topic, String key, byte[] value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        handOff(new ProducerRecord<>(topic, key, value), 0, done);
        return done;
    }

    private void handOff(ProducerRecord<String, byte[]> record, int failures, CompletableFuture<Void> done) {
        try {
            producer.send(record, (metadata, e) -> {
                if (e == null) {
                    done.complete(null);
                } else {
                    handOffFailed(record, failures, done, e);
                }
            });
        } catch (RuntimeException e) {
            handOffFailed(record, failures, done, e);
        }
    }

    private void handOffFailed(ProducerRecord<String, byte[]> record, int failures, CompletableFuture<Void> done,
                               Exception e) {
        if (failures >= handOffDelays.size()) {
            log.error("could not write to {} after {} tries: {}", record.topic(), failures + 1, e.toString());
            done.completeExceptionally(e);
            return;
        }
        Duration delay = handOffDelays.get(failures);
        log.warn("write to {} failed ({}); trying again in {} ms", record.topic(), e.toString(), delay.toMillis());
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> handOff(record, failures + 1, done));
    }

    /** Counts a record of the alerts or retry topic that could not be read ({@code alerts} or {@code retry}). */
    void unreadable(String topic) {
        metrics.unreadable(topic);
    }
}
