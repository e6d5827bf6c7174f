package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.webhook.Retries;
import io.paperfeed.consumer.webhook.RetryWorker;
import io.paperfeed.model.MailRetry;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Mail retries for the {@link RetryWorker} webhooks use too: records of {@code paperfeed.mail.retry},
 * a chain per (alert or digest, address); an attempt takes the subscription as the view has it now, and
 * a retry whose subscription is gone, disabled or no longer mails the address is dead-lettered.
 */
final class MailRetries implements Retries<MailRetry> {

    private final MailDispatcher dispatcher;

    MailRetries(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public String kind() {
        return "mail";
    }

    @Override
    public MailRetry read(ConsumerRecord<String, byte[]> record) {
        return PaperSerdes.MAIL_RETRY.deserialize(record.topic(), record.value());
    }

    @Override
    public String chain(MailRetry retry) {
        return MailJob.of(retry).describe() + " " + retry.to();
    }

    @Override
    public int attemptNumber(MailRetry retry) {
        return retry.attempt();
    }

    @Override
    public Instant dueAt(MailRetry retry) {
        return retry.dueAt();
    }

    @Override
    public CompletableFuture<Void> make(MailRetry retry) {
        MailJob job = MailJob.of(retry);
        Optional<Subscription> subscription = dispatcher.current(job);
        if (subscription.isEmpty()) {
            return dispatcher.orphan(job, retry.attempt() - 1, "subscription " + job.subscriptionId()
                    + " was deleted or disabled, or no longer mails " + retry.to());
        }
        return dispatcher.attempt(subscription.get(), job, retry.attempt());
    }

    @Override
    public void unreadable() {
        dispatcher.unreadable("retry");
    }

    @Override
    public String describe(MailRetry retry) {
        return MailJob.of(retry).describe();
    }
}
