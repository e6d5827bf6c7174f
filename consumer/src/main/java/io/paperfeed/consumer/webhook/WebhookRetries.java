package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Webhook retries for the {@link RetryWorker}: records of {@code paperfeed.alerts.retry}, a chain per
 * (alert, URL), available while the URL's host has a free {@link HostSlots slot}; an attempt looks the
 * webhook up in the subscription as the view has it now, and a retry whose subscription or webhook is
 * gone is dead-lettered.
 */
final class WebhookRetries implements Retries<WebhookRetry> {

    private final SubscriptionView view;
    private final WebhookDispatcher dispatcher;

    WebhookRetries(SubscriptionView view, WebhookDispatcher dispatcher) {
        this.view = view;
        this.dispatcher = dispatcher;
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public WebhookRetry read(ConsumerRecord<String, byte[]> record) {
        return PaperSerdes.WEBHOOK_RETRY.deserialize(record.topic(), record.value());
    }

    @Override
    public String chain(WebhookRetry retry) {
        return retry.alert().alertId() + " " + retry.url();
    }

    @Override
    public int attemptNumber(WebhookRetry retry) {
        return retry.attempt();
    }

    @Override
    public Instant dueAt(WebhookRetry retry) {
        return retry.dueAt();
    }

    @Override
    public boolean available(WebhookRetry retry) {
        return dispatcher.hostAvailable(retry.url());
    }

    @Override
    public CompletableFuture<Void> make(WebhookRetry retry) {
        String subscriptionId = retry.alert().subscriptionId();
        Optional<Subscription> subscription = view.get(subscriptionId);
        if (subscription.isEmpty() || subscription.get().disabled()) {
            return dispatcher.orphan(retry, "subscription " + subscriptionId + " was deleted or disabled");
        }
        Optional<Delivery> webhook = subscription.get().delivery().stream()
                .filter(d -> d.type() == Delivery.Type.WEBHOOK && retry.url().equals(d.url()))
                .findFirst();
        if (webhook.isEmpty()) {
            return dispatcher.orphan(retry, "subscription " + subscriptionId + " no longer has this webhook");
        }
        return dispatcher.attempt(retry.alert(), webhook.get(), retry.attempt());
    }

    @Override
    public void unreadable() {
        dispatcher.unreadable("retry");
    }

    @Override
    public String describe(WebhookRetry retry) {
        return retry.alert().alertId();
    }
}
