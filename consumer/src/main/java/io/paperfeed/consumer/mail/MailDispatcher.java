package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.webhook.RetrySchedule;
import io.paperfeed.consumer.webhook.SendResult;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionView;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
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
 * Makes one attempt of a mail on a bounded pool and hands on what is left, so the returned future
 * completes only when the mail is settled for this attempt: sent, or durably handed to the retry topic
 * or the dead-letter topic by an acknowledged send (the webhook {@link RetrySchedule}: at once, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Callers commit their offsets only after that. The message is
 * composed at each attempt from the subscription as the view has it now, with the same Message-ID.
 */
final class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailSender sender;
    private final MailComposer composer;
    private final Producer<String, byte[]> producer;
    private final SubscriptionView view;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final ExecutorService pool;
    private final Clock clock;

    MailDispatcher(MailSender sender, MailComposer composer, Producer<String, byte[]> producer, SubscriptionView view,
                   MailSettings settings, MailMetrics metrics, ExecutorService pool, Clock clock) {
        this.sender = sender;
        this.composer = composer;
        this.producer = producer;
        this.view = view;
        this.settings = settings;
        this.metrics = metrics;
        this.pool = pool;
        this.clock = clock;
    }

    /** Attempt number {@code attempt} (1 for the first) of the mail, for this subscription. */
    CompletableFuture<Void> attempt(Subscription subscription, MailJob job, int attempt) {
        try {
            return CompletableFuture.supplyAsync(() -> send(subscription, job), pool)
                    .thenCompose(result -> settle(job, attempt, result));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A retry whose subscription or address is gone: dead-lettered, so that it is not lost unseen. */
    CompletableFuture<Void> orphan(MailJob job, int attempts, String why) {
        metrics.count(job, "dead-lettered");
        return deadLetter(job, attempts, why, "orphaned");
    }

    /** The subscription as the view has it now, if it is enabled and still mails this address. */
    Optional<Subscription> current(MailJob job) {
        return view.get(job.subscriptionId()).filter(s -> !s.disabled()).filter(s -> s.delivery().stream()
                .anyMatch(d -> job.to().equals(d.to())));
    }

    private SendResult send(Subscription subscription, MailJob job) {
        MimeMessage message;
        try {
            message = job.alert() != null ? composer.alert(subscription, job.alert(), job.to())
                    : composer.digest(subscription, job.digest(), job.to());
        } catch (MessagingException | IllegalArgumentException e) {
            return new SendResult(SendResult.Outcome.REJECTED, 0, "the message could not be built: " + e.getMessage(),
                    Optional.empty());
        }
        long start = System.nanoTime();
        SendResult result = sender.send(message);
        metrics.time(System.nanoTime() - start);
        return result;
    }

    private CompletableFuture<Void> settle(MailJob job, int attempt, SendResult result) {
        if (result.outcome() == SendResult.Outcome.DELIVERED) {
            metrics.count(job, "delivered");
            return CompletableFuture.completedFuture(null);
        }
        if (result.outcome() != SendResult.Outcome.RETRIABLE) {
            metrics.count(job, "dead-lettered");
            log.warn("mail of {} to subscription {} refused for good: {}", job.describe(), job.subscriptionId(),
                    result.error());
            return deadLetter(job, attempt, result.error(), "rejected");
        }
        Instant now = clock.instant();
        Optional<Instant> next = settings.schedule().nextAttemptAt(attempt, now, Optional.empty());
        if (next.isEmpty()) {
            metrics.count(job, "dead-lettered");
            return deadLetter(job, attempt, result.error(), "exhausted");
        }
        metrics.count(job, "retried");
        log.info("mail of {} (subscription {}) failed ({}); attempt {} at {}", job.describe(), job.subscriptionId(),
                result.error(), attempt + 1, next.get());
        String topic = settings.topics().retry();
        return send(topic, job.subscriptionId(), PaperSerdes.MAIL_RETRY.serialize(topic,
                job.retry(attempt + 1, next.get(), result.error())));
    }

    private CompletableFuture<Void> deadLetter(MailJob job, int attempts, String error, String reason) {
        String topic = settings.topics().deadLetters();
        return send(topic, job.subscriptionId(), PaperSerdes.MAIL_DEAD_LETTER.serialize(topic,
                job.deadLetter(attempts, error, reason, clock.instant())));
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

    void unreadable(String topic) {
        metrics.unreadable(topic);
    }
}
