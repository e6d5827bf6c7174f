package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka reader of one topic: it starts a window's worth before the topic's end, keeps the
 * latest events in a {@link RecentWindow}, and hands every new record, framed once, to each client
 * whose key filter accepts it, without ever blocking ({@link SseClient#offerLive}). A client that
 * {@link #join joins} gets, atomically, the window's events from its position on and the live
 * position from which its queue receives every record; what it missed before the window is read by
 * the shared {@link CatchUpReaders}.
 */
final class StreamHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    /** What a joining client gets: history before the window to catch up on (null: none), the window's part. */
    record Joined(StreamPosition catchUpUntil, List<SseEvent> window) {
    }

    private final String topic;
    private final String eventName;
    private final Consumer<String, byte[]> consumer;
    private final int partitions;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Thread thread;
    private final RecentWindow window;
    private volatile boolean closing;
    /** Next offset per partition of what was handed out; guarded by {@link #lock}. */
    private StreamPosition dispatched;

    /** @throws StreamUnavailableException when the topic does not exist (yet) or cannot be read */
    StreamHub(KafkaClients clients, String topic, String eventName, SseSettings settings) {
        this.topic = topic;
        this.eventName = eventName;
        this.consumer = KafkaReaders.open(clients, "paperfeed-sse-" + topic);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new StreamUnavailableException("Kafka topic " + topic + " does not exist yet");
            }
            this.partitions = infos.size();
            List<TopicPartition> assigned = KafkaReaders.partitions(topic, partitions);
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(10));
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned, Duration.ofSeconds(10));
            long[] start = new long[partitions];
            for (TopicPartition tp : assigned) {
                start[tp.partition()] = Math.max(beginnings.get(tp), ends.get(tp) - settings.windowEvents());
                consumer.seek(tp, start[tp.partition()]);
            }
            this.window = new RecentWindow(settings.windowEvents(), settings.windowBytes(), start);
            this.dispatched = StreamPosition.of(start);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e instanceof StreamUnavailableException ? e
                    : new StreamUnavailableException("cannot read Kafka topic " + topic + ": " + e.getMessage());
        }
        this.thread = new Thread(this::run, "paperfeed-sse-" + topic);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    String topic() {
        return topic;
    }

    String eventName() {
        return eventName;
    }

    int partitions() {
        return partitions;
    }

    /** Adds a client standing at {@code from}: from now on its live queue receives every new record. */
    Joined join(SseClient client, StreamPosition from) {
        synchronized (lock) {
            clients.add(client);
            long[] until = new long[partitions];
            boolean behind = false;
            for (int p = 0; p < partitions; p++) {
                until[p] = Math.max(from.next(p), window.start(p));
                behind |= from.next(p) < window.start(p);
            }
            return new Joined(behind ? StreamPosition.of(until) : null, window.from(from, client::accepts));
        }
    }

    void leave(SseClient client) {
        clients.remove(client);
    }

    int clients() {
        return clients.size();
    }

    private void run() {
        try {
            while (!closing) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record);
                }
            }
        } catch (WakeupException | InterruptException e) {
            if (!closing) {
                log.error("event stream reader of {} stopped unexpectedly", topic, e);
            }
        } catch (RuntimeException e) {
            log.error("event stream reader of {} failed; its clients are disconnected", topic, e);
        } finally {
            closing = true;
            clients.forEach(SseClient::end);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        SseEvent event = record.value() == null ? null : SseEvent.of(eventName, record.partition(), record.offset(),
                record.key(), record.timestamp(), record.value());
        synchronized (lock) {
            if (event != null) {
                window.add(event);
                for (SseClient client : clients) {
                    if (client.accepts(event)) {
                        client.offerLive(event);
                    }
                }
            }
            dispatched = dispatched.after(record.partition(), record.offset());
        }
    }

    boolean alive() {
        return !closing;
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
