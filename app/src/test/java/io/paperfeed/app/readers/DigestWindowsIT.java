package io.paperfeed.app.readers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Digest;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.streams.alerts.DigestWindows;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digest windows on a real broker whose topics have 3 partitions, with two streams instances sharing
 * the work (and one of them stopped half-way, so its tasks move): every matching paper is in exactly
 * one digest of its subscription, each (subscription, window) is sent once, and the windows close by
 * the wall clock with no later record.
 */
class DigestWindowsIT {

    private static final int PARTITIONS = 3;
    private static final Duration PERIOD = Duration.ofSeconds(10);
    private static EmbeddedKafkaBroker broker;
    private static KafkaClients clients;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        clients = new KafkaClients(broker.bootstrapServers());
        try (Admin admin = clients.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> t : Topics.all()) {
                topics.add(new NewTopic(t.name(), Optional.of(PARTITIONS), Optional.empty()).configs(t.configs()));
            }
            for (TopicDefinition t : Taxonomy.defaults().topics()) {
                topics.add(new NewTopic(t.kafkaTopic(), Optional.of(PARTITIONS), Optional.empty()));
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static StreamsService instance(Path stateDir) {
        StreamsSettings settings = new StreamsSettings(clients, "digest-it", stateDir, 1, null, null, 0,
                new DigestWindows.Settings(PERIOD, Duration.ofSeconds(2)));
        StreamsService service = new StreamsService(settings, new SimpleMeterRegistry());
        service.start();
        return service;
    }

    @Test
    void everyMatchingPaperIsInExactlyOneDigestOfItsSubscription(@TempDir Path one, @TempDir Path two) throws Exception {
        List<String> subscriptions = List.of("kv", "merge", "quant");
        try (SubscriptionPublisher publisher = SubscriptionPublisher.open(clients, "digest-it", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.anyTopic())) {
            publisher.put(digest("kv", "abstract:\"kv cache\""));
            publisher.put(digest("merge", "abstract:merge"));
            publisher.put(digest("quant", "abstract:quantize"));
        }
        StreamsService first = instance(one);
        StreamsService second = instance(two);
        Map<String, Set<String>> expected = new HashMap<>();
        try (Producer<String, byte[]> producer = clients.producer("digest-it", new StringSerializer(), new ByteArraySerializer())) {
            assertTrue(first.awaitRunning(Duration.ofSeconds(60)) && second.awaitRunning(Duration.ofSeconds(60)));
            publish(producer, 0, 30, expected);
            await().atMost(Duration.ofSeconds(60)).until(() -> digested(subscriptions).size() >= 3);
            first.close(); // its tasks move to the second instance, open windows and all
            publish(producer, 30, 60, expected);
            await().atMost(Duration.ofSeconds(90)).until(() -> covered(digested(subscriptions), expected));
        } finally {
            first.close();
            second.close();
        }
        List<Digest> digests = digested(subscriptions);
        Set<String> windows = new HashSet<>();
        Map<String, List<String>> papers = new HashMap<>();
        for (Digest d : digests) {
            assertTrue(windows.add(d.subscriptionId() + "@" + d.windowStart()), "one digest per window: " + d.windowStart());
            assertEquals(PERIOD, Duration.between(d.windowStart(), d.windowEnd()));
            d.alerts().forEach(a -> papers.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(a.paper().id()));
        }
        for (String s : subscriptions) {
            List<String> got = papers.getOrDefault(s, List.of());
            assertEquals(expected.get(s), Set.copyOf(got), "the papers of " + s);
            assertEquals(got.size(), Set.copyOf(got).size(), "each paper once in the digests of " + s);
        }
        System.out.printf("digest windows on %d partitions, 2 instances (one stopped half-way): %d digests, %s papers%n",
                PARTITIONS, digests.size(), papers.values().stream().map(List::size).toList());
    }

    private static Subscription digest(String id, String query) {
        return new Subscription(id, null, query, List.of(), Subscription.Mode.DIGEST, false, List.of());
    }

    /** Papers {@code from..to-1}: each matches one subscription, in turn. */
    private static void publish(Producer<String, byte[]> producer, int from, int to, Map<String, Set<String>> expected) {
        String[] texts = {"We shrink the KV cache of long prompts.", "We merge the adapters of two models.",
                "We quantize the weights to four bits."};
        String[] subs = {"kv", "merge", "quant"};
        for (int i = from; i < to; i++) {
            String id = String.format("2510.%05d", i);
            PaperEvent e = new PaperEvent(id, null, null, "Paper " + i, texts[i % 3] + " Case " + i + ".", List.of(),
                    List.of(), null, null, null, new Provenance("digest-it.txt", "test", i + 1, Instant.now()));
            producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(),
                    PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e)));
            expected.computeIfAbsent(subs[i % 3], k -> new HashSet<>()).add("arxiv:" + id);
        }
        producer.flush();
    }

    private static boolean covered(List<Digest> digests, Map<String, Set<String>> expected) {
        Map<String, Set<String>> got = new HashMap<>();
        digests.forEach(d -> d.alerts().forEach(a -> got.computeIfAbsent(d.subscriptionId(), k -> new HashSet<>())
                .add(a.paper().id())));
        return expected.entrySet().stream().allMatch(e -> got.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue()));
    }

    /** Every digest on the topic so far, read committed. */
    private static List<Digest> digested(List<String> subscriptions) {
        List<Digest> out = new ArrayList<>();
        try (Consumer<String, byte[]> reader = clients.reader("digest-it-check", new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.DIGESTS.name(), p));
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    Digest d = PaperSerdes.DIGEST.deserialize(r.topic(), r.value());
                    if (subscriptions.contains(d.subscriptionId())) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }
}
