package io.paperfeed.consumer.sse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.consumer.api.ApiSettings;
import io.paperfeed.consumer.api.ApiTestServer;
import io.paperfeed.consumer.api.KafkaTopicsForTests;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Server-Sent Events over a real HTTP server (127.0.0.1) and a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class EventStreamIT {

    private static final String TOKEN = "sse-token";

    private final String topicId = "sse-" + UUID.randomUUID().toString().substring(0, 8);
    private final String kafkaTopic = "paperfeed.topic." + topicId;
    private final List<AutoCloseable> open = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private ApiTestServer server;

    private void start(KafkaBroker broker, int partitions, Duration heartbeat, int clientBuffer) throws Exception {
        start(broker, partitions, heartbeat, clientBuffer, SseSettings.DEFAULT_MAX_CLIENTS);
    }

    private void start(KafkaBroker broker, int partitions, Duration heartbeat, int clientBuffer, int maxClients)
            throws Exception {
        start(broker, partitions, new SseSettings(new KafkaClients(broker.bootstrapServers()), heartbeat, clientBuffer,
                maxClients));
    }

    private void start(KafkaBroker broker, int partitions, SseSettings settings) throws Exception {
        KafkaTopicsForTests.create(broker.bootstrapServers(), Map.of(kafkaTopic, partitions));
        Taxonomy taxonomy = new Taxonomy(List.of(new TopicDefinition(topicId, "SSE test", "a test topic", "test")));
        server = new ApiTestServer(new ApiSettings(taxonomy, TOKEN, Set.of("sub-a-" + topicId), settings));
        open.add(server);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        open.add(producer);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissedAcrossPartitions(KafkaBroker broker) throws Exception {
        start(broker, 3, SseSettings.DEFAULT_HEARTBEAT, 1024);
        publish(0, 30);

        SseTestClient first = connect("/topics/" + topicId + "/events", null);
        List<SseTestClient.Message> seen = take(first, 17);
        first.close();
        assertEquals(Set.of("paper"), events(seen));
        String lastId = seen.get(seen.size() - 1).id();
        assertEquals(3, lastId.split(",").length, "the id carries every partition's position: " + lastId);

        publish(30, 60);
        SseTestClient second = connect("/topics/" + topicId + "/events", lastId);
        List<SseTestClient.Message> missed = take(second, 60 - 17);
        publish(60, 70);
        List<SseTestClient.Message> live = take(second, 10);

        List<Integer> all = new ArrayList<>(numbers(seen));
        all.addAll(numbers(missed));
        all.addAll(numbers(live));
        assertEquals(70, all.size());
        assertEquals(70, Set.copyOf(all).size(), "no event twice: " + all);
        assertEquals(Set.copyOf(range(0, 70)), Set.copyOf(all), "no gap");
        assertEquals(range(60, 70).stream().sorted().toList(), numbers(live).stream().sorted().toList());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> second.messages().isEmpty());
        second.close();
    }

    @Test
    void historyOlderThanTheWindowIsReadByTheSharedCatchUpReadersWithNoGapAndNoRepeat(KafkaBroker broker)
            throws Exception {
        start(broker, 3, SseSettings.defaults(new KafkaClients(broker.bootstrapServers())).withWindow(7));
        publish(0, 40);
        SseTestClient first = connect("/topics/" + topicId + "/events", null);
        List<SseTestClient.Message> seen = take(first, 12);
        first.close();
        publish(40, 90);
        List<SseTestClient> resumed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            resumed.add(connect("/topics/" + topicId + "/events", i % 2 == 0 ? seen.get(11).id() : null));
        }
        for (int i = 0; i < resumed.size(); i++) {
            List<Integer> got = new ArrayList<>(numbers(take(resumed.get(i), i % 2 == 0 ? 90 - 12 : 90)));
            if (i % 2 == 0) {
                got.addAll(numbers(seen));
            }
            assertEquals(90, got.size(), "client " + i);
            assertEquals(Set.copyOf(range(0, 90)), Set.copyOf(got), "client " + i + ": no gap, no repeat");
        }
        long catchUpThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("paperfeed-sse-catch-up-")).count();
        assertEquals(SseSettings.DEFAULT_CATCH_UP_READERS, catchUpThreads, "20 catching-up clients, 2 readers");
    }

    @Test
    void clientsThatNeverReadCostNoThreads(KafkaBroker broker) throws Exception {
        start(broker, 1, Duration.ofMillis(200), 64);
        SseTestClient warm = connect("/topics/" + topicId + "/events", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> warm.heartbeats() >= 1);
        long before = threadsOutsideTheHttpPool();
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(1024);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                socket.getOutputStream().write(("GET /topics/" + topicId + "/events HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                silent.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> clients() == 101.0);
            publish(0, 50);
            assertEquals(50, take(warm, 50).size(), "a reading client gets its events beside 100 silent ones");
            long after = threadsOutsideTheHttpPool();
            assertTrue(after - before < 5, "threads outside the HTTP pool before " + before + ", after 100 silent "
                    + "clients " + after);
            long pool = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("api-test-http")).count();
            assertTrue(pool <= 32, "the HTTP pool stays within its bound: " + pool);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void aSubscriptionStreamCarriesOnlyItsAlertsAndResumes(KafkaBroker broker) throws Exception {
        start(broker, 1, SseSettings.DEFAULT_HEARTBEAT, 1024);
        String mine = "sub-a-" + topicId;
        for (int i = 0; i < 6; i++) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), i % 2 == 0 ? mine : "other-" + topicId,
                    "{\"n\":" + i + "}")).get();
        }
        SseTestClient client = connect("/subscriptions/" + mine + "/events", null);
        List<SseTestClient.Message> first = take(client, 2);
        client.close();
        assertEquals(Set.of("alert"), events(first));
        assertEquals(List.of(0, 2), numbers(first));
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), mine, "{\"n\":6}")).get();
        SseTestClient again = connect("/subscriptions/" + mine + "/events", first.get(1).id());
        assertEquals(List.of(4, 6), numbers(take(again, 2)));
        again.close();

        SseTestClient builtInNoToken = SseTestClient.connect(server.uri("/subscriptions/" + mine + "/events"), null, null);
        assertEquals(200, builtInNoToken.status(), "a built-in subscription's stream is public");
        builtInNoToken.close();
        SseTestClient noToken = SseTestClient.connect(server.uri("/subscriptions/other-" + topicId + "/events"), null, null);
        assertEquals(401, noToken.status(), "any other subscription's stream needs the token");
        noToken.close();
        SseTestClient badId = connect("/topics/" + topicId + "/events", "0:x");
        assertEquals(400, badId.status());
        badId.close();
    }

    @Test
    void aClientThatNeverReadsIsDroppedAndCountedWhileAFastOneGetsEveryEvent(KafkaBroker broker) throws Exception {
        start(broker, 1, SseSettings.DEFAULT_HEARTBEAT, 16);
        SseTestClient fast = connect("/topics/" + topicId + "/events", null);
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET /topics/" + topicId + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> clients() == 2.0);

            String padding = "x".repeat(8_000);
            int[] published = {0};
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (int i = 0; i < 50; i++) {
                    producer.send(new ProducerRecord<>(kafkaTopic, "k", "{\"n\":" + published[0]++ + ",\"pad\":\"" + padding + "\"}"));
                }
                producer.flush();
                return dropped() == 1.0;
            });
            assertEquals(1.0, dropped(), "the slow client is dropped once");
            List<Integer> got = numbers(take(fast, published[0]));
            assertEquals(range(0, published[0]), got, "the fast client got every event, in order");
            await().atMost(Duration.ofSeconds(10)).until(() -> clients() == 1.0);
            assertTrue(server.registry().get("paperfeed.sse.events").tag("stream", "topic").counter().count() >= published[0]);
        }
        fast.close();
    }

    @Test
    void anIdleStreamGetsHeartbeats(KafkaBroker broker) throws Exception {
        start(broker, 1, Duration.ofMillis(200), 16);
        SseTestClient client = connect("/topics/" + topicId + "/events", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.heartbeats() >= 2);
        assertTrue(client.messages().isEmpty());
        client.close();
    }

    @Test
    void aLongReplayOfANarrowStreamKeepsItAliveWithHeartbeats(KafkaBroker broker) throws Exception {
        start(broker, 1, Duration.ofMillis(5), 16);
        String mine = "sub-a-" + topicId;
        for (int i = 0; i < 3_000; i++) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "noise-" + topicId, "{\"n\":" + i + "}"));
        }
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), mine, "{\"n\":3000}")).get();

        SseTestClient client = connect("/subscriptions/" + mine + "/events", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.messages().isEmpty());

        assertEquals(List.of(3000), numbers(List.copyOf(client.messages())));
        assertTrue(client.heartbeatsBeforeFirstEvent() > 0, "heartbeats while 3,000 other alerts were replayed");
    }

    @Test
    void pastTheClientLimitAStreamIsRefusedUntilOneCloses(KafkaBroker broker) throws Exception {
        start(broker, 1, Duration.ofMillis(200), 16, 1);
        SseTestClient first = connect("/topics/" + topicId + "/events", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.heartbeats() >= 1);

        SseTestClient second = connect("/topics/" + topicId + "/events", null);
        assertEquals(503, second.status(), "one stream at most");
        second.close();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            SseTestClient again = connect("/topics/" + topicId + "/events", null);
            again.close();
            return again.status() == 200;
        });
    }

    private static long threadsOutsideTheHttpPool() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("api-test-http")).count();
    }

    private double clients() {
        return server.registry().get("paperfeed.sse.clients").tag("stream", "topic").gauge().value();
    }

    private double dropped() {
        return server.registry().get("paperfeed.sse.dropped").tag("stream", "topic").counter().count();
    }

    private SseTestClient connect(String path, String lastEventId) throws Exception {
        SseTestClient client = SseTestClient.connect(server.uri(path), lastEventId, TOKEN);
        open.add(client);
        return client;
    }

    private void publish(int from, int to) throws Exception {
        for (int n = from; n < to; n++) {
            producer.send(new ProducerRecord<>(kafkaTopic, "paper-" + n, "{\"n\":" + n + "}"));
        }
        producer.flush();
    }

    private static List<SseTestClient.Message> take(SseTestClient client, int n) throws InterruptedException {
        List<SseTestClient.Message> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (got.size() < n) {
            SseTestClient.Message m = client.messages().poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("received " + got.size() + " of " + n + " events within 60 s");
            }
            got.add(m);
        }
        return got;
    }

    private static Set<String> events(List<SseTestClient.Message> messages) {
        return Set.copyOf(messages.stream().map(SseTestClient.Message::event).toList());
    }

    private static List<Integer> numbers(List<SseTestClient.Message> messages) {
        return messages.stream().map(m -> Integer.parseInt(m.data().replaceAll("^\\{\"n\":(\\d+).*$", "$1"))).toList();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
