package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the history clients missed before their stream's window, for every client of every stream,
 * with a fixed number of Kafka consumers (not one per client). Each catch-up is read in slices of one
 * poll, round-robin: a client whose history is not written yet waits at the back of the queue without
 * holding a reader, and one that has taken nothing for the stall timeout is dropped. A slice reads
 * {@code [next, until)} per partition; the hub's window and live queue carry on from {@code until},
 * so the stream has no gap and no repeat.
 */
final class CatchUpReaders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatchUpReaders.class);
    /** A client with more history than this waiting to be written gets no next slice yet. */
    private static final int MAX_PENDING = 1_000;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final DelayQueue<CatchUp> queue = new DelayQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Consumer<String, byte[]>> consumers = new ArrayList<>();
    private final long stallNanos;
    private volatile boolean closing;

    CatchUpReaders(KafkaClients clients, int readers, Duration stall) {
        this.stallNanos = stall.toNanos();
        for (int i = 0; i < readers; i++) {
            Consumer<String, byte[]> consumer = KafkaReaders.open(clients, "paperfeed-sse-catch-up-" + i);
            consumers.add(consumer);
            Thread thread = new Thread(() -> run(consumer), "paperfeed-sse-catch-up-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Reads {@code [from, until)} of the hub's topic for the client. */
    void submit(SseClient client, StreamHub hub, StreamPosition from, StreamPosition until) {
        long[] next = new long[until.partitions()];
        long[] end = new long[until.partitions()];
        for (int p = 0; p < next.length; p++) {
            next[p] = from.next(p);
            end[p] = until.next(p);
        }
        queue.add(new CatchUp(client, hub, next, end));
    }

    /** Catch-ups waiting or being read. */
    int pending() {
        return queue.size();
    }

    private void run(Consumer<String, byte[]> consumer) {
        CatchUp last = null;
        try {
            while (!closing) {
                CatchUp task = queue.poll(200, TimeUnit.MILLISECONDS);
                if (task == null || task.client.ended()) {
                    continue;
                }
                if (task.client.pendingHistory() > MAX_PENDING) {
                    if (System.nanoTime() - task.progressAt > stallNanos) {
                        task.client.drop("took nothing for " + TimeUnit.NANOSECONDS.toSeconds(stallNanos)
                                + " s while catching up");
                    } else {
                        queue.add(task.later(RECHECK_NANOS));
                    }
                    continue;
                }
                boolean done;
                try {
                    done = slice(consumer, task, task != last);
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("catch-up of {} failed; the client is disconnected: {}", task.hub.topic(), e.toString());
                    task.client.end(e);
                    last = null;
                    continue;
                }
                last = task;
                if (done) {
                    task.client.catchUpDone();
                } else {
                    queue.add(task.later(0));
                }
            }
        } catch (InterruptedException | WakeupException | InterruptException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** One poll of the task's partitions still behind; whether it is then caught up. */
    private static boolean slice(Consumer<String, byte[]> consumer, CatchUp task, boolean seek) {
        List<TopicPartition> behind = new ArrayList<>();
        for (int p = 0; p < task.next.length; p++) {
            if (task.next[p] < task.until[p]) {
                behind.add(new TopicPartition(task.hub.topic(), p));
            }
        }
        if (behind.isEmpty()) {
            return true;
        }
        if (seek || !consumer.assignment().equals(java.util.Set.copyOf(behind))) {
            consumer.assign(behind);
            behind.forEach(tp -> consumer.seek(tp, task.next[tp.partition()]));
        }
        List<SseEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            int p = r.partition();
            if (r.offset() >= task.next[p] && r.offset() < task.until[p] && r.value() != null) {
                SseEvent event = SseEvent.of(task.hub.eventName(), p, r.offset(), r.key(), r.timestamp(), r.value());
                if (task.client.accepts(event)) {
                    events.add(event);
                }
            }
        }
        boolean caughtUp = true;
        for (TopicPartition tp : behind) {
            int p = tp.partition();
            task.next[p] = Math.min(task.until[p], Math.max(task.next[p], consumer.position(tp)));
            caughtUp &= task.next[p] >= task.until[p];
        }
        if (!events.isEmpty()) {
            task.client.addHistory(events);
        }
        task.progressAt = System.nanoTime();
        return caughtUp;
    }

    @Override
    public void close() {
        closing = true;
        consumers.forEach(Consumer::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One client's catch-up: where it stands per partition, where it ends. */
    private static final class CatchUp implements Delayed {
        final SseClient client;
        final StreamHub hub;
        final long[] next;
        final long[] until;
        long progressAt = System.nanoTime();
        long dueAt;

        CatchUp(SseClient client, StreamHub hub, long[] next, long[] until) {
            this.client = client;
            this.hub = hub;
            this.next = next;
            this.until = until;
            this.dueAt = System.nanoTime();
        }

        CatchUp later(long nanos) {
            dueAt = System.nanoTime() + nanos;
            return this;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueAt, ((CatchUp) other).dueAt);
        }
    }
}
