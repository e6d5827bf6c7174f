package io.paperfeed.consumer.webhook;

import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.model.Alert;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code paperfeed.alerts} and makes the first attempt of every webhook of every alert, all
 * of a batch at once on the dispatcher's bounded pool; a failing attempt goes to the retry topic at
 * once. Offsets are committed when every alert of the batch is settled (at-least-once); when the
 * loop stops first, the batch is read again by whoever takes the partitions next. An alert of a
 * subscription the view does not know makes the view catch up once per batch, unless it already caught
 * up after the batch was polled: the streams app made the alert after it read the subscription, so a view
 * caught up past the poll knows every subscription of the batch's alerts, and one it still lacks was
 * deleted or is built in (no webhooks).
 */
final class AlertDeliveryLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryLoop.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final SubscriptionView view;
    private final WebhookDispatcher dispatcher;
    private volatile boolean stopping;

    AlertDeliveryLoop(Consumer<String, byte[]> consumer, String topic, SubscriptionView view,
            WebhookDispatcher dispatcher) {
        this.consumer = consumer;
        this.topic = topic;
        this.view = view;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (settled(dispatch(records, java.time.Instant.now()))) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (stopping) {
                log.debug("stopped with a batch in hand; it is delivered again after a restart");
                return;
            }
            log.error("an alert could not be settled (the producer failed); stopping without committing, "
                    + "so the batch is delivered again after a restart", e.getCause());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Commits the batch; when the group moved on meanwhile, the batch is delivered again by its next owner. */
    private void commit() {
        try {
            consumer.commitSync();
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("alert offsets not committed ({}); the batch is delivered again by the partitions' next owner",
                    e.toString());
        }
    }

    private List<CompletableFuture<Void>> dispatch(ConsumerRecords<String, byte[]> records, java.time.Instant polledAt)
            throws InterruptedException {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        boolean caughtUp = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            Alert alert = read(record);
            if (alert == null) {
                continue;
            }
            Optional<Subscription> subscription = view.get(alert.subscriptionId());
            if (subscription.isEmpty() && !caughtUp && view.caughtUpAsOf().isBefore(polledAt)) {
                view.awaitCaughtUp(CATCH_UP);
                caughtUp = true; // once a batch: an id the view still lacks has no webhooks here (e.g. a built-in one)
                subscription = view.get(alert.subscriptionId());
            }
            if (subscription.isEmpty() || subscription.get().disabled()) {
                continue;
            }
            for (Delivery d : subscription.get().delivery()) {
                if (d.type() == Delivery.Type.WEBHOOK) {
                    work.add(dispatcher.attempt(alert, d, 1));
                }
            }
        }
        return work;
    }

    /** Waits until every attempt is settled; false when the loop is stopped first. */
    private boolean settled(List<CompletableFuture<Void>> work) throws InterruptedException, ExecutionException {
        CompletableFuture<Void> all = CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(200, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                if (stopping) {
                    return false;
                }
            }
        }
    }

    private Alert read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return PaperSerdes.ALERT.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.warn("alert at {}-{}@{} cannot be read, skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            dispatcher.unreadable("alerts");
            return null;
        }
    }

    /** Stops the loop; the batch in hand is not committed unless it is already settled. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }
}
