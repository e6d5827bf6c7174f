package io.paperfeed.app.bench;

import io.paperfeed.kafka.KafkaClients;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * One measured run: starts one or more instances of a streams app, sends every event (in one burst,
 * or paced at a rate) with its send time in a header, and reads the output topics (LogAppendTime)
 * until every event is accounted for. Latency is output append time minus send time; Kafka Streams
 * carries the header from input to output records. CPU is the stream threads' own, and the whole
 * process's (broker, producer and reader included), over the run.
 */
final class BenchRun {

    static final String SENT_HEADER = "paperfeed-bench-sent-ms";
    /** A run fails when events are missing and none has come out for this long (not after a fixed time: 1,000,000 take hours). */
    private static final Duration STALL = Duration.ofMinutes(3);

    /** For an output whose record key is the input item key: the reader takes the key, not the value. */
    static final Function<byte[], List<String>> BY_KEY = bytes -> List.of();

    private final KafkaClients clients;

    BenchRun(KafkaClients clients) {
        this.clients = clients;
    }

    /** One event as sent: its item key and serialised value (serialised before the clock starts). */
    record Sent(String itemKey, byte[] value) {
    }

    /**
     * @param instances   the streams configurations, one per instance (each with its own state directory)
     * @param outputs     per output topic read, the input item keys one of its values accounts for
     * @param rate        events per second, or 0 for one burst
     * @param stateBytes  bytes of state per paper, measured on the instances before they close (or null)
     */
    LatencyStats measure(String name, Topology topology, List<Properties> instances, String inputTopic,
                         Map<String, Function<byte[], List<String>>> outputs, List<Sent> events, int rate,
                         ToDoubleFunction<List<KafkaStreams>> stateBytes) {
        List<KafkaStreams> apps = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = outputConsumer(outputs.keySet())) {
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(instances.size());
            for (Properties p : instances) {
                KafkaStreams app = new KafkaStreams(topology, p);
                app.setStateListener((next, previous) -> {
                    if (next == KafkaStreams.State.RUNNING) {
                        running.countDown();
                    }
                });
                apps.add(app);
            }
            apps.forEach(KafkaStreams::start);
            if (!awaitQuietly(running)) {
                throw new IllegalStateException(name + ": streams app not RUNNING after 90 s");
            }
            Set<String> pending = new HashSet<>();
            events.forEach(e -> pending.add(e.itemKey()));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long streamsCpu0 = streamThreadsCpu(threads);
            long processCpu0 = processCpu();
            Sender sender = new Sender(inputTopic, events, rate);
            Thread sending = new Thread(sender, "bench-sender");
            sending.start();
            long lastAppend = 0;
            List<long[]> latencies = new ArrayList<>(events.size()); // {send time, latency}
            long lastProgress = System.nanoTime();
            int missing = pending.size();
            while (!pending.isEmpty()) {
                if (pending.size() < missing) {
                    missing = pending.size();
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException(name + ": " + missing + " events still missing, and none came out for "
                            + STALL.toMinutes() + " minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Function<byte[], List<String>> itemKeys = outputs.get(record.topic());
                    if (itemKeys == BY_KEY) {
                        pending.remove(record.key());
                    } else if (record.value() != null) {
                        pending.removeAll(itemKeys.apply(record.value()));
                    }
                    lastAppend = Math.max(lastAppend, record.timestamp());
                    Header sent = record.headers().lastHeader(SENT_HEADER);
                    if (sent != null) {
                        long sentAt = ByteBuffer.wrap(sent.value()).getLong();
                        latencies.add(new long[] {sentAt, record.timestamp() - sentAt});
                    }
                }
            }
            long streamsCpu = streamThreadsCpu(threads) - streamsCpu0;
            long processCpu = processCpu() - processCpu0;
            join(sending);
            double bytes = stateBytes == null ? Double.NaN : stateBytes.applyAsDouble(apps);
            return LatencyStats.of(name, events.size(), sender.firstSend, lastAppend, latencies, streamsCpu, processCpu,
                    bytes);
        } finally {
            apps.forEach(a -> a.close(Duration.ofSeconds(30)));
        }
    }

    private final class Sender implements Runnable {
        private final String topic;
        private final List<Sent> events;
        private final int rate;
        volatile long firstSend;

        Sender(String topic, List<Sent> events, int rate) {
            this.topic = topic;
            this.events = events;
            this.rate = rate;
        }

        @Override
        public void run() {
            try (var producer = clients.producer("paperfeed-bench", new StringSerializer(), new ByteArraySerializer())) {
                long start = System.nanoTime();
                firstSend = System.currentTimeMillis();
                for (int i = 0; i < events.size(); i++) {
                    if (rate > 0) {
                        long due = start + i * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    Sent e = events.get(i);
                    var record = new ProducerRecord<>(topic, e.itemKey(), e.value());
                    record.headers().add(SENT_HEADER, ByteBuffer.allocate(Long.BYTES)
                            .putLong(System.currentTimeMillis()).array());
                    producer.send(record);
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long streamThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains("StreamThread")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private Consumer<String, byte[]> outputConsumer(Collection<String> topics) {
        var consumer = clients.reader("paperfeed-bench", new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            // a topic created a moment ago may not be in this client's metadata yet
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(topic);
            while (infos.isEmpty() && System.nanoTime() < deadline) {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
