package io.paperfeed.consumer.webhook;

import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code paperfeed.alerts.retry} and makes each attempt when it is due. Records are held in
 * memory ordered by due time (a record due in 5 s is not stuck behind one due in 5 h), and the poll
 * waits until the next one is due, so nothing spins. The committed offset of a partition is its
 * lowest record not yet settled: after a restart every unsettled retry is read again (at-least-once).
 * Past {@code maxPending} records in hand, the partitions are paused until some are settled; at most
 * {@code maxInFlight} attempts run at once, so a backlog of overdue retries (after a restart) cannot fill
 * the pool the first attempts of new alerts share.
 *
 * <p>A restart or rebalance reads again every record above the committed offset (the lowest unsettled
 * one), including attempts that were already made and handed on. So that a chain is not forked, a newly
 * assigned partition is read to its end before any attempt starts, and a record whose alert and URL
 * already have a later attempt in hand is settled without an attempt: the later record supersedes it.
 *
 * <p>A due retry whose host has no free slot (a receiver that hangs) waits without taking an in-flight
 * place, and the next due retry of another host goes first. A record that is not a retry is dead-lettered
 * to {@code paperfeed.papers.invalid} (this worker is the only reader of the retry topic) and committed past.
 * When an attempt's hand-off fails for good (the dispatcher already sent it again), the worker stops without
 * committing that record, and {@link #problem} says why: the HTTP request is never made again for it.
 */
final class RetryWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetryWorker.class);
    private static final Duration MAX_WAIT = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final SubscriptionView view;
    private final WebhookDispatcher dispatcher;
    private final DeadLetterWriter letters;
    private final Clock clock;
    private final int maxPending;
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The latest attempt in hand per (alert id, URL): an earlier one read again is superseded by it. */
    private final Map<String, Pending> chains = new HashMap<>();
    /** Newly assigned partitions and the end offset to read before attempting anything. */
    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();

    private final PriorityQueue<Pending> waiting = new PriorityQueue<>(Comparator.comparing(Pending::dueAt));
    private final Map<TopicPartition, TreeSet<Long>> unsettled = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private final ConcurrentLinkedQueue<Pending> settled = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failed> failed = new ConcurrentLinkedQueue<>();
    private boolean dirty;
    private volatile boolean stopping;
    private volatile String problem;

    private record Failed(Pending pending, Throwable cause) {
    }

    RetryWorker(Consumer<String, byte[]> consumer, String topic, SubscriptionView view, WebhookDispatcher dispatcher,
            DeadLetterWriter letters, Clock clock, int maxPending, int maxInFlight) {
        this.consumer = consumer;
        this.topic = topic;
        this.view = view;
        this.dispatcher = dispatcher;
        this.letters = letters;
        this.clock = clock;
        this.maxPending = maxPending;
        this.maxInFlight = maxInFlight;
    }

    /** Retries read and not yet settled. */
    int pending() {
        return pendingCount.get();
    }

    /** Attempts running now. */
    int inFlight() {
        return inFlight.get();
    }

    /** Null while it runs (or after it was asked to stop), else why it stopped on its own. */
    String problem() {
        return problem;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!stopping) {
                collectSettled();
                commitIfDirty();
                flowControl();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout())) {
                    take(record);
                }
                startDue();
            }
        } catch (WakeupException e) {
            if (!stopping) {
                problem = "the webhook retry worker stopped: " + e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the webhook retry worker stopped", e);
            problem = "the webhook retry worker stopped: " + e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Duration pollTimeout() {
        Pending head = waiting.peek();
        if (head == null) {
            return MAX_WAIT;
        }
        Duration until = Duration.between(clock.instant(), head.dueAt());
        return until.isNegative() ? Duration.ZERO : until.compareTo(MAX_WAIT) < 0 ? until : MAX_WAIT;
    }

    private void take(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        WebhookRetry retry;
        try {
            retry = PaperSerdes.WEBHOOK_RETRY.deserialize(record.topic(), record.value());
            if (retry == null) {
                throw new SerializationException("a null value is no retry");
            }
        } catch (SerializationException e) {
            dispatcher.unreadable("retry");
            letters.write(record, e.getMessage()); // acknowledged before the offset moves past it
            nextOffset.put(tp, record.offset() + 1);
            dirty = true;
            return;
        }
        nextOffset.put(tp, record.offset() + 1);
        dirty = true;
        unsettled.computeIfAbsent(tp, k -> new TreeSet<>()).add(record.offset());
        pendingCount.incrementAndGet();
        Pending taken = new Pending(tp, record.offset(), retry, retry.dueAt());
        Pending earlier = chains.get(taken.chain());
        if (earlier != null && earlier.retry().attempt() >= retry.attempt()) {
            settled.add(taken); // an older attempt read after a newer one of the same chain
            return;
        }
        if (earlier != null && waiting.remove(earlier)) {
            settled.add(earlier); // made and handed on before a restart: this record is its successor
        }
        chains.put(taken.chain(), taken);
        waiting.add(taken);
    }

    /** Whether a newly assigned partition is still being read up to where it ended at assignment. */
    private boolean catchingUp() {
        catchingUp.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return !catchingUp.isEmpty();
    }

    private void startDue() {
        if (catchingUp()) {
            return;
        }
        Instant now = clock.instant();
        List<Pending> hostBusy = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(now) && inFlight.get() < maxInFlight) {
            Pending p = waiting.poll();
            if (!dispatcher.hostAvailable(p.retry().url())) {
                hostBusy.add(p); // its host's slots are taken: the next due retry of another host goes first
                continue;
            }
            inFlight.incrementAndGet();
            attempt(p.retry()).whenComplete((v, e) -> {
                inFlight.decrementAndGet();
                if (e == null) {
                    settled.add(p);
                } else {
                    failed.add(new Failed(p, e));
                }
            });
        }
        waiting.addAll(hostBusy);
    }

    private CompletableFuture<Void> attempt(WebhookRetry retry) {
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

    private void collectSettled() {
        for (Pending p; (p = settled.poll()) != null; ) {
            chains.remove(p.chain(), p);
            TreeSet<Long> offsets = unsettled.get(p.partition());
            if (offsets != null && offsets.remove(p.offset())) {
                pendingCount.decrementAndGet();
                dirty = true;
            }
        }
        Failed f = failed.poll();
        if (f != null && unsettled.containsKey(f.pending().partition())) {
            Pending p = f.pending();
            throw new IllegalStateException("retry of alert " + p.retry().alert().alertId() + " at " + p.partition()
                    + "@" + p.offset() + " could not be handed on (the producer failed): " + f.cause(), f.cause());
        }
    }

    private void commitIfDirty() {
        if (!dirty) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffset.forEach((tp, next) -> {
            TreeSet<Long> open = unsettled.get(tp);
            offsets.put(tp, new OffsetAndMetadata(open == null || open.isEmpty() ? next : open.first()));
        });
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("retry offsets not committed ({}); the partitions' records are read again by their next owner",
                    e.toString());
        }
        dirty = false;
    }

    private void flowControl() {
        if (pendingCount.get() >= maxPending) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Settled offsets are committed before partitions go; what was in hand for them is dropped. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!stopping) {
                collectSettled();
                commitIfDirty();
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the committed offsets; read to the end before attempting anything
            if (!partitions.isEmpty()) {
                catchingUp.putAll(consumer.endOffsets(partitions));
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            waiting.removeIf(p -> partitions.contains(p.partition()));
            chains.values().removeIf(p -> partitions.contains(p.partition()));
            partitions.forEach(catchingUp::remove);
            for (TopicPartition tp : partitions) {
                TreeSet<Long> open = unsettled.remove(tp);
                if (open != null) {
                    pendingCount.addAndGet(-open.size());
                }
                nextOffset.remove(tp);
            }
        }
    }

    private record Pending(TopicPartition partition, long offset, WebhookRetry retry, Instant dueAt) {

        String chain() {
            return retry.alert().alertId() + " " + retry.url();
        }
    }
}
