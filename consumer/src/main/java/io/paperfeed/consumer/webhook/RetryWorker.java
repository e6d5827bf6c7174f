package io.paperfeed.consumer.webhook;

import io.paperfeed.consumer.DeadLetterWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
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
 * {@link Retries} of its kind, everything else is shared. Records are held in
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
 * <p>A due retry that is not {@link Retries#available available} (a webhook host with no free slot, a
 * receiver that hangs) waits without taking an in-flight place, and the next due retry of another host goes
 * first. A record that is not a retry is dead-lettered to {@code paperfeed.papers.invalid} (this worker is
 * the only reader of its retry topic) and committed past.
 * When an attempt's hand-off fails for good (the dispatcher already sent it again), the worker stops without
 * committing that record, and {@link #problem} says why: the request or mail is never made again for it.
 *
 * @param <R> the retry record of the kind
 */
public final class RetryWorker<R> implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetryWorker.class);
    private static final Duration MAX_WAIT = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Retries<R> retries;
    private final DeadLetterWriter letters;
    private final Clock clock;
    private final int maxPending;
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The latest attempt in hand per chain (alert id and URL, ...): an earlier one read again is superseded by it. */
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

    /** An attempt whose hand-off failed for good. */
    private final class Failed {
        private final Pending pending;
        private final Throwable cause;

        Failed(Pending pending, Throwable cause) {
            this.pending = pending;
            this.cause = cause;
        }

        Pending pending() {
            return pending;
        }

        Throwable cause() {
            return cause;
        }
    }

    /**
     * @param retries     the kind: how its records are read and its attempts made
     * @param letters     writes the dead letter of a record that is not a retry
     * @param maxPending  records in hand past which the partitions are paused
     * @param maxInFlight attempts running at once
     */
    public RetryWorker(Consumer<String, byte[]> consumer, String topic, Retries<R> retries, DeadLetterWriter letters,
            Clock clock, int maxPending, int maxInFlight) {
        this.consumer = consumer;
        this.topic = topic;
        this.retries = retries;
        this.letters = letters;
        this.clock = clock;
        this.maxPending = maxPending;
        this.maxInFlight = maxInFlight;
    }

    /** Retries read and not yet settled. */
    public int pending() {
        return pendingCount.get();
    }

    /** Attempts running now. */
    int inFlight() {
        return inFlight.get();
    }

    /** Null while it runs (or after it was asked to stop), else why it stopped on its own. */
    public String problem() {
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
                problem = "the " + retries.kind() + " retry worker stopped: " + e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the {} retry worker stopped", retries.kind(), e);
            problem = "the " + retries.kind() + " retry worker stopped: " + e;
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
        R retry;
        try {
            retry = record.value() == null ? null : retries.read(record);
            if (retry == null) {
                throw new SerializationException("a null value is no retry");
            }
        } catch (SerializationException e) {
            retries.unreadable();
            letters.write(record, e.getMessage()); // acknowledged before the offset moves past it
            nextOffset.put(tp, record.offset() + 1);
            dirty = true;
            return;
        }
        nextOffset.put(tp, record.offset() + 1);
        dirty = true;
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
        List<Pending> hostBusy = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(now) && inFlight.get() < maxInFlight) {
            Pending p = waiting.poll();
            if (!retries.available(p.retry())) {
                hostBusy.add(p); // its host's slots are taken: the next due retry of another host goes first
                continue;
            }
            inFlight.incrementAndGet();
            retries.make(p.retry()).whenComplete((v, e) -> {
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
            throw new IllegalStateException("retry of " + retries.describe(p.retry()) + " at " + p.partition()
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
