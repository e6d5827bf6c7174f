package io.paperfeed.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Reads a retry topic ({@code paperfeed.alerts.retry} for webhooks, {@code paperfeed.mail.retry} for
 * e-mail) and makes each attempt when it is due; what a record is and how an attempt is made is the
 * {@link Retries} of its kind. Records are held in
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
 */
public final class RetryWorker<R> implements Runnable {

    /** What the worker needs to know of one kind of retry record. */
    public interface Retries<R> {
        /** The record's retry; null for a tombstone; a {@code SerializationException} when it cannot be read. */
        R read(ConsumerRecord<String, byte[]> record);

        /** Attempts of the same delivery (alert and URL, mail and address) share a chain. */
        String chain(R retry);

        /** The number of the attempt the record is for (2 for the first retry). */
        int attemptNumber(R retry);

        Instant dueAt(R retry);

        /** Makes the attempt; completes when it is settled (delivered, or handed on by an acknowledged send). */
        CompletableFuture<Void> make(R retry);

        /** Counts a record that could not be read. */
        void unreadable();

        /** What the log calls the retry (the alert id). */
        String describe(R retry);
    }

    private static final Logger log = LoggerFactory.getLogger(RetryWorker.class);
    private static final Duration MAX_WAIT = Duration.ofMillis(500);
    private static final Duration HANDOFF_BACKOFF = Duration.ofSeconds(5);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Retries<R> retries;
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
    private final ConcurrentLinkedQueue<Pending> failed = new ConcurrentLinkedQueue<>();
    private boolean dirty;
    private volatile boolean stopping;

    public RetryWorker(Consumer<String, byte[]> consumer, String topic, Retries<R> retries, Clock clock, int maxPending,
                       int maxInFlight) {
        this.consumer = consumer;
        this.topic = topic;
        this.retries = retries;
        this.clock = clock;
        this.maxPending = maxPending;
        this.maxInFlight = maxInFlight;
    }

    /** Retries read and not yet settled. */
    public int pending() {
        return pendingCount.get();
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
                throw e;
            }
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

    private void take(ConsumerRecord<String, byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        nextOffset.put(tp, record.offset() + 1);
        dirty = true;
        R retry;
        try {
            retry = retries.read(record);
        } catch (SerializationException e) {
            log.warn("retry record at {}-{}@{} cannot be read, skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            retries.unreadable();
            return;
        }
        if (retry == null) {
            return;
        }
        unsettled.computeIfAbsent(tp, k -> new TreeSet<>()).add(record.offset());
        pendingCount.incrementAndGet();
        Pending taken = new Pending(tp, record.offset(), retry, retries.dueAt(retry));
        Pending earlier = chains.get(taken.chain());
        if (earlier != null && retries.attemptNumber(earlier.retry()) >= retries.attemptNumber(retry)) {
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
        while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(now) && inFlight.get() < maxInFlight) {
            Pending p = waiting.poll();
            inFlight.incrementAndGet();
            retries.make(p.retry()).whenComplete((v, e) -> {
                inFlight.decrementAndGet();
                if (e == null) {
                    settled.add(p);
                } else {
                    log.error("retry of alert {} at {}@{} could not be handed on; trying again in {}",
                            retries.describe(p.retry()), p.partition(), p.offset(), HANDOFF_BACKOFF, e);
                    failed.add(p);
                }
            });
        }
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
        for (Pending p; (p = failed.poll()) != null; ) {
            if (unsettled.containsKey(p.partition())) {
                waiting.add(new Pending(p.partition(), p.offset(), p.retry(), clock.instant().plus(HANDOFF_BACKOFF)));
            }
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

    public void stop() {
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

    private final class Pending {
        private final TopicPartition partition;
        private final long offset;
        private final R retry;
        private final Instant dueAt;

        Pending(TopicPartition partition, long offset, R retry, Instant dueAt) {
            this.partition = partition;
            this.offset = offset;
            this.retry = retry;
            this.dueAt = dueAt;
        }

        TopicPartition partition() {
            return partition;
        }

        long offset() {
            return offset;
        }

        R retry() {
            return retry;
        }

        Instant dueAt() {
            return dueAt;
        }

        String chain() {
            return retries.chain(retry);
        }
    }
}
