package io.paperfeed.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of some topics on a daemon thread of its own, from where {@link StartPosition}
 * says (the beginning, for a materialised view of a compacted topic), and hands each record to a
 * {@link RecordHandler}. The consumer is a {@link KafkaClients#reader group-less reader}: it moves no
 * one's offsets, and it is injected, so a {@code MockConsumer} tests this class.
 *
 * <p>Waiting: {@link #awaitPast} until a record written at a known offset has been handled
 * (read-your-writes), {@link #awaitCaughtUp} until everything on the topics when it was called has been
 * handled. Failures: a handler that throws is logged with the record's position and the reading goes
 * on (no poison record stops it); a Kafka error is logged, reported by {@link #problem} and retried
 * after a pause; a topic that does not exist yet is waited for.
 */
public final class TopicReader implements AutoCloseable {

    /** Handles one record; it is called on the reader's thread, in offset order per partition. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record);
    }

    /** Where the reading of each partition starts. */
    @FunctionalInterface
    public interface StartPosition {
        void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions);

        /** Every record still on the topic. */
        static StartPosition beginning() {
            return Consumer::seekToBeginning;
        }

        /** The last {@code count} records of each partition (or all, when it has fewer). */
        static StartPosition last(int count) {
            return (consumer, partitions) -> {
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - count));
                }
            };
        }

        /** The records of each partition from the first one stamped at or after {@code from} (none: its end). */
        static StartPosition since(java.util.function.Supplier<Instant> from) {
            return (consumer, partitions) -> {
                long at = from.get().toEpochMilli();
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(p -> query.put(p, at));
                var found = consumer.offsetsForTimes(query);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    var offset = found.get(partition);
                    consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
                }
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final List<String> topics;
    private final StartPosition start;
    private final RecordHandler handler;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Instant>> catchUpRequests = new ConcurrentLinkedQueue<>();
    /** Next offset to read per partition; guarded by this. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Object pause = new Object();
    private volatile boolean closing;
    private volatile String problem;
    private volatile Instant caughtUpAsOf = Instant.MIN;
    private List<TopicPartition> assigned = List.of();

    /**
     * @param name     the thread's name, and how the logs call this reader
     * @param consumer a group-less consumer of raw values, owned (and closed) by this reader
     */
    public TopicReader(String name, Consumer<String, byte[]> consumer, Collection<String> topics, StartPosition start,
                       RecordHandler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topics = List.copyOf(topics);
        this.start = Objects.requireNonNull(start, "start");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts reading; returns this. */
    public TopicReader start() {
        thread.start();
        return this;
    }

    /** Whether the reading thread is up (false before {@link #start}, after {@link #close} or a fatal error). */
    public boolean running() {
        return thread.isAlive();
    }

    /** Why the last attempt to read failed, while it keeps failing; null when reading. */
    public String problem() {
        return problem;
    }

    /** Everything on the topics before this instant has been handled (the last catch-up's end offsets). */
    public Instant caughtUpAsOf() {
        return caughtUpAsOf;
    }

    /**
     * Waits until the record at {@code offset} of {@code partition} has been handled.
     *
     * @return false on timeout, or when the reader is closing
     */
    public synchronized boolean awaitPast(TopicPartition partition, long offset, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (positions.getOrDefault(partition, -1L) <= offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closing || !thread.isAlive()) {
                return false;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return true;
    }

    /**
     * Waits until every record on the topics as of now has been handled.
     *
     * @return false on timeout
     * @throws IllegalStateException when the reader stopped before it got there
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        CompletableFuture<Instant> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        if (!thread.isAlive() && thread.getState() != Thread.State.NEW) {
            failRequests(new IllegalStateException(name + " is not reading"));
        }
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " stopped: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void run() {
        CatchUp catchUp = null;
        try {
            while (!closing) {
                try {
                    if (assigned.isEmpty() && !assign()) {
                        pause();
                        continue;
                    }
                    if (catchUp == null && !catchUpRequests.isEmpty()) {
                        catchUp = CatchUp.take(catchUpRequests, consumer, assigned);
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        handle(record);
                    }
                    recordPositions();
                    if (catchUp != null && catchUp.reachedBy(positions())) {
                        caughtUpAsOf = catchUp.asOf();
                        catchUp.complete();
                        catchUp = null;
                    }
                    problem = null;
                } catch (WakeupException | InterruptException e) {
                    if (!closing) {
                        throw e;
                    }
                } catch (KafkaException e) {
                    if (problem == null) {
                        log.warn("{}: cannot read {}: {}; trying again every {} s", name, topics, e.toString(),
                                RETRY_PAUSE.toSeconds());
                    }
                    problem = e.toString();
                    pause();
                }
            }
        } catch (RuntimeException e) {
            problem = e.toString();
            log.error("{} stopped", name, e);
        } finally {
            IllegalStateException stopped = new IllegalStateException(name + " is closed");
            if (catchUp != null) {
                catchUp.fail(stopped);
            }
            failRequests(stopped);
            synchronized (this) {
                notifyAll();
            }
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.handle(record);
        } catch (RuntimeException e) {
            log.warn("{}: record {}-{}@{} could not be handled and is skipped: {}", name, record.topic(),
                    record.partition(), record.offset(), e.toString());
        }
    }

    /** Assigns every partition of the topics; false while one of them does not exist yet. */
    private boolean assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            var infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                if (problem == null) {
                    log.info("{}: waiting for topic {} to exist", name, topic);
                }
                problem = "topic " + topic + " does not exist yet";
                return false;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        start.seek(consumer, partitions);
        assigned = List.copyOf(partitions);
        return true;
    }

    private void recordPositions() {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition partition : assigned) {
            now.put(partition, consumer.position(partition));
        }
        synchronized (this) {
            positions.putAll(now);
            notifyAll();
        }
    }

    private synchronized Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    private void pause() {
        synchronized (pause) {
            try {
                if (!closing) {
                    pause.wait(RETRY_PAUSE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
        }
    }

    private void failRequests(RuntimeException e) {
        for (CompletableFuture<Instant> r; (r = catchUpRequests.poll()) != null; ) {
            r.completeExceptionally(e);
        }
    }

    /** Stops reading and closes the consumer; waits up to 10 s for the thread. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        synchronized (pause) {
            pause.notifyAll();
        }
        consumer.wakeup();
        if (thread.getState() != Thread.State.NEW) {
            thread.join(10_000);
        } else {
            consumer.close(Duration.ZERO);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The end offsets to reach for the catch-up requests taken when they were read. */
    private record CatchUp(Map<TopicPartition, Long> ends, Instant asOf, List<CompletableFuture<Instant>> requests) {

        /** Takes the waiting requests, then the end offsets: each request's target is no earlier than its call. */
        static CatchUp take(ConcurrentLinkedQueue<CompletableFuture<Instant>> queue, Consumer<?, ?> consumer,
                            List<TopicPartition> partitions) {
            List<CompletableFuture<Instant>> taken = new ArrayList<>();
            for (CompletableFuture<Instant> r; (r = queue.poll()) != null; ) {
                taken.add(r);
            }
            Instant asOf = Instant.now();
            try {
                return new CatchUp(Map.copyOf(consumer.endOffsets(partitions)), asOf, taken);
            } catch (RuntimeException e) {
                queue.addAll(taken);
                throw e;
            }
        }

        boolean reachedBy(Map<TopicPartition, Long> positions) {
            return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
        }

        void complete() {
            requests.forEach(r -> r.complete(asOf));
        }

        void fail(RuntimeException e) {
            requests.forEach(r -> r.completeExceptionally(e));
        }
    }
}
