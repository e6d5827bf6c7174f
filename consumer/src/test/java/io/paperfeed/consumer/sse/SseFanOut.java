package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.consumer.api.ApiSettings;
import io.paperfeed.consumer.api.ApiTestServer;
import io.paperfeed.consumer.api.KafkaTopicsForTests;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark (a main, not a test): SSE fan-out of one topic stream to N concurrent clients on
 * 127.0.0.1, on the embedded broker. Publishes E events at a steady rate, each with an explicit Kafka
 * timestamp, and prints the p50/p99/max delay from that timestamp to the event's arrival at a client,
 * and how many clients were dropped. Args: [clients=1000] [events=200] [rate/s=50] [payload bytes=1500].
 */
public final class SseFanOut {

    private SseFanOut() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int payload = args.length > 3 ? Integer.parseInt(args[3]) : 1500;
        String topicId = "bench";
        String kafkaTopic = "paperfeed.topic." + topicId;
        long[] sentAt = new long[events];
        AtomicLongArray delays = new AtomicLongArray(clients * events);
        AtomicInteger received = new AtomicInteger();
        ExecutorService clientPool = Executors.newFixedThreadPool(4);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            KafkaTopicsForTests.create(broker.bootstrapServers(), Map.of(kafkaTopic, 1));
            Taxonomy taxonomy = new Taxonomy(List.of(new TopicDefinition(topicId, "bench", "", "bench")));
            try (ApiTestServer server = new ApiTestServer(new ApiSettings(taxonomy, "bench", Set.of(),
                    SseSettings.defaults(new KafkaClients(broker.bootstrapServers()))));
                 KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                         ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                HttpRequest request = HttpRequest.newBuilder(server.uri("/topics/" + topicId + "/events")).build();
                List<CompletableFuture<?>> connections = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    connections.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                            new DelaySubscriber(sentAt, delays, received))));
                }
                waitFor(() -> gauge(server, "paperfeed.sse.clients") >= clients, Duration.ofSeconds(120),
                        "all clients connected");
                System.out.printf("%d clients connected; publishing %d events of %d bytes at %d/s%n",
                        clients, events, payload, rate);
                String pad = "x".repeat(payload);
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (int n = 0; n < events; n++) {
                    while (System.nanoTime() < start + n * interval) {
                        Thread.onSpinWait();
                    }
                    long ts = System.currentTimeMillis();
                    sentAt[n] = ts;
                    producer.send(new ProducerRecord<>(kafkaTopic, null, ts, "paper-" + n,
                            "{\"n\":" + n + ",\"abstract\":\"" + pad + "\"}"));
                }
                producer.flush();
                waitFor(() -> received.get() + (int) counter(server, "paperfeed.sse.dropped") * events >= clients * events,
                        Duration.ofSeconds(120), "every event at every client");
                long[] sorted = new long[received.get()];
                for (int i = 0; i < sorted.length; i++) {
                    sorted[i] = delays.get(i);
                }
                Arrays.sort(sorted);
                System.out.printf("received %,d of %,d events; dropped clients: %d%n", sorted.length, clients * events,
                        (long) counter(server, "paperfeed.sse.dropped"));
                System.out.printf("delay from Kafka timestamp to client arrival: p50 %d ms, p99 %d ms, max %d ms%n",
                        pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1]);
                connections.forEach(f -> f.cancel(true));
            }
        } finally {
            clientPool.shutdownNow();
        }
        System.exit(0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double gauge(ApiTestServer server, String name) {
        return server.registry().get(name).tag("stream", "topic").gauge().value();
    }

    private static double counter(ApiTestServer server, String name) {
        return server.registry().get(name).tag("stream", "topic").counter().count();
    }

    private static void waitFor(java.util.function.BooleanSupplier done, Duration timeout, String what) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(done::getAsBoolean);
    }

    /** Records, per data line, the delay since the event's Kafka timestamp. */
    private static final class DelaySubscriber implements Flow.Subscriber<String> {
        private final long[] sentAt;
        private final AtomicLongArray delays;
        private final AtomicInteger received;

        DelaySubscriber(long[] sentAt, AtomicLongArray delays, AtomicInteger received) {
            this.sentAt = sentAt;
            this.delays = delays;
            this.received = received;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data: {\"n\":")) {
                long now = System.currentTimeMillis();
                int n = Integer.parseInt(line.substring(11, line.indexOf(',', 11)));
                delays.set(received.getAndIncrement(), now - sentAt[n]);
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
