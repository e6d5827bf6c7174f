package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka reader of one topic: it starts at the topic's end, and hands every record, framed
 * once, to the queue of each client whose key filter accepts it, without ever blocking
 * ({@link SseClient#offer}). History before a client joined is read by the client itself
 * ({@link HistoryReplay}) up to {@link #join the hub's position when it joined}.
 */
final class StreamHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final String topic;
    private final String eventName;
    private final Consumer<String, byte[]> consumer;
    private final int partitions;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean closing;
    /** Next offset per partition of what was handed out; guarded by {@link #lock}. */
    private StreamPosition dispatched;

    /** @throws StreamUnavailableException when the topic does not exist (yet) */
    StreamHub(KafkaClients clients, String topic, String eventName) {
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
            long[] next = new long[partitions];
            for (TopicPartition tp : assigned) {
                next[tp.partition()] = ends.get(tp);
                consumer.seek(tp, ends.get(tp));
            }
            this.dispatched = StreamPosition.of(next);
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

    /** Adds a client; returns the position from which its queue receives every record. */
    StreamPosition join(SseClient client) {
        synchronized (lock) {
            clients.add(client);
            return dispatched;
        }
    }

    void leave(SseClient client) {
        clients.remove(client);
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
            clients.forEach(SseClient::stop);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        SseEvent event = record.value() == null ? null : SseEvent.of(eventName, record.partition(), record.offset(),
                record.key(), record.timestamp(), record.value());
        synchronized (lock) {
            if (event != null) {
                for (SseClient client : clients) {
                    if (client.accepts(event.key())) {
                        client.offer(event);
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
