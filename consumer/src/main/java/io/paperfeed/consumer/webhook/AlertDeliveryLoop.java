package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Alert;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code paperfeed.alerts} and makes the first attempt of every webhook of every alert through the
 * dispatcher, without waiting for them: the loop polls on while attempts run, so a slow receiver never
 * holds the consumer past {@code max.poll.interval.ms}. Each partition commits up to its lowest alert not yet
 * settled (delivered, or handed to the retry or dead-letter topic), so after a restart or rebalance only
 * unsettled alerts are delivered again (at-least-once; repeats share their {@code webhook-id}). A partition
 * with {@code maxUncommitted} records read past its committed offset is paused until it is below again.
 *
 * <p>An alert of a subscription the view does not know makes the view catch up once per poll, unless it
 * already caught up after the poll: the streams app made the alert after it read the subscription, so a
 * view caught up past the poll knows every subscription of the polled alerts, and one it still lacks was
 * deleted or is built in (no webhooks). A record that is not an alert is counted and skipped here (the
 * alert consumer writes its dead letter). When a hand-off fails for good, the loop stops without
 * committing that alert and {@link #problem} says why.
 */
final class AlertDeliveryLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryLoop.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final SubscriptionView view;
    private final WebhookDispatcher dispatcher;
    private final int maxUncommitted;
    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();
    private final ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private volatile String problem;

    AlertDeliveryLoop(Consumer<String, byte[]> consumer, String topic, SubscriptionView view,
            WebhookDispatcher dispatcher, int maxUncommitted) {
        this.consumer = consumer;
        this.topic = topic;
        this.view = view;
        this.dispatcher = dispatcher;
        this.maxUncommitted = maxUncommitted;
    }

    /** An alert's attempts, settled (or failed for good: {@code failure}). */
    private record Settled(TopicPartition partition, PartitionOffsets offsets, long offset, Throwable failure) {
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!stopping) {
                collectSettled();
                commit(partitions.keySet());
                flowControl();
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(POLL).forEach(batch::add);
                if (!batch.isEmpty()) {
                    dispatch(batch, Instant.now());
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the webhook alert loop stopped", e);
            problem = "the webhook alert loop stopped: " + e;
        } finally {
            if (problem == null) {
                collectSettled();
                commit(partitions.keySet());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Null while it runs (or after it was asked to stop), else why it stopped on its own. */
    String problem() {
        return problem;
    }

    private void dispatch(List<ConsumerRecord<String, byte[]>> records, Instant polledAt) throws InterruptedException {
        boolean caughtUp = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            PartitionOffsets offsets = partitions.computeIfAbsent(tp, k -> new PartitionOffsets());
            offsets.read(record.offset());
            Alert alert = read(record);
            if (alert == null) {
                continue;
            }
            Optional<Subscription> subscription = view.get(alert.subscriptionId());
            if (subscription.isEmpty() && !caughtUp && view.caughtUpAsOf().isBefore(polledAt)) {
                view.awaitCaughtUp(CATCH_UP);
                caughtUp = true;
                subscription = view.get(alert.subscriptionId());
            }
            if (subscription.isEmpty() || subscription.get().disabled()) {
                continue;
            }
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            for (Delivery d : subscription.get().delivery()) {
                if (d.type() == Delivery.Type.WEBHOOK) {
                    attempts.add(dispatcher.firstAttempt(alert, d));
                }
            }
            if (!attempts.isEmpty()) {
                offsets.open(record.offset());
                CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).whenComplete((v, e) ->
                        settled.add(new Settled(tp, offsets, record.offset(), e)));
            }
        }
    }

    private void collectSettled() {
        for (Settled s; (s = settled.poll()) != null; ) {
            if (partitions.get(s.partition()) != s.offsets()) {
                continue; // the partition was revoked meanwhile: its next owner delivers it again
            }
            if (s.failure() != null) {
                throw new IllegalStateException("an alert at " + s.partition() + "@" + s.offset()
                        + " could not be handed on (the producer failed): " + s.failure(), s.failure());
            }
            s.offsets().settle(s.offset());
        }
    }

    private void commit(Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : which) {
            PartitionOffsets p = partitions.get(tp);
            if (p != null && p.committable() > p.committed) {
                offsets.put(tp, new OffsetAndMetadata(p.committable()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> partitions.get(tp).committed = o.offset());
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("alert offsets not committed ({}); the partitions' next owner delivers them again", e.toString());
        }
    }

    private void flowControl() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        var paused = consumer.paused();
        partitions.forEach((tp, p) -> {
            boolean full = p.uncommitted() >= maxUncommitted;
            if (full && !paused.contains(tp)) {
                pause.add(tp);
            } else if (!full && paused.contains(tp)) {
                resume.add(tp);
            }
        });
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    private Alert read(ConsumerRecord<String, byte[]> record) {
        try {
            Alert alert = PaperSerdes.ALERT.deserialize(record.topic(), record.value());
            if (alert == null) {
                throw new SerializationException("a null value is no alert");
            }
            return alert;
        } catch (SerializationException e) {
            log.warn("alert at {}-{}@{} cannot be read, skipped (the alert consumer dead-letters it): {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            dispatcher.unreadable("alerts");
            return null;
        }
    }

    /** Stops the loop; what is settled is committed, what is not is delivered again by the partitions' next owner. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Settled offsets are committed before partitions go; attempts still running for them are forgotten. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (problem == null) {
                collectSettled();
                commit(revoked);
            }
            revoked.forEach(partitions::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            lost.forEach(partitions::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // positions come from the committed offsets
        }
    }
}
