package io.paperfeed.app.bench;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One measured run: starts a streams app, sends every event with its send time in a header, and
 * reads the output topics (LogAppendTime) until every event is accounted for. Latency is output
 * append time minus send time; Kafka Streams carries the header from input to output records.
 */
final class BenchRun {

    static final String SENT_HEADER = "paperfeed-bench-sent-ms";
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final KafkaClients clients;

    BenchRun(KafkaClients clients) {
        this.clients = clients;
    }

    /**
     * @param outputs per output topic read, the input item keys one of its values accounts for
     */
    LatencyStats measure(String name, Topology topology, Properties streamsConfig, String inputTopic,
                         Map<String, Function<byte[], List<String>>> outputs, List<PaperEvent> events)
            throws InterruptedException {
        try (KafkaStreams streams = new KafkaStreams(topology, streamsConfig);
             Consumer<String, byte[]> consumer = outputConsumer(outputs.keySet())) {
            awaitRunning(streams);
            Set<String> pending = new HashSet<>();
            events.forEach(e -> pending.add(e.itemKey()));
            long firstSend = send(inputTopic, events);
            long lastAppend = firstSend;
            List<Long> latencies = new ArrayList<>(events.size());
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": " + pending.size() + " events still missing after " + DEADLINE);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        pending.removeAll(outputs.get(record.topic()).apply(record.value()));
                    }
                    lastAppend = Math.max(lastAppend, record.timestamp());
                    Header sent = record.headers().lastHeader(SENT_HEADER);
                    if (sent != null) {
                        latencies.add(record.timestamp() - ByteBuffer.wrap(sent.value()).getLong());
                    }
                }
            }
            streams.close(Duration.ofSeconds(30));
            return LatencyStats.of(name, events.size(), firstSend, lastAppend,
                    latencies.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private long send(String topic, List<PaperEvent> events) {
        long first = System.currentTimeMillis();
        try (var producer = clients.producer("paperfeed-bench", new StringSerializer(), new ByteArraySerializer())) {
            for (PaperEvent e : events) {
                var record = new ProducerRecord<>(topic, e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(topic, e));
                record.headers().add(SENT_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis()).array());
                producer.send(record);
            }
            producer.flush();
        }
        return first;
    }

    private Consumer<String, byte[]> outputConsumer(Collection<String> topics) {
        var consumer = clients.reader("paperfeed-bench", new StringDeserializer(), new ByteArrayDeserializer());
        // a topic created a moment ago may have no partitions in this client's metadata yet
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty() || partitions.stream().map(TopicPartition::topic).distinct().count() < topics.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench's output topics " + topics + " have no partitions after 30 s");
            }
            partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("streams app not RUNNING after 60 s: " + streams.state());
        }
    }
}
