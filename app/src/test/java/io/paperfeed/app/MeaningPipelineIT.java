package io.paperfeed.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.like.LikeResolver;
import io.paperfeed.subscriptions.like.PaperLookup;
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
 * The embed step and a like-subscription on a real broker, every topic with 3 partitions and two streams
 * instances sharing the work: each paper is embedded once (a second sighting with the same text reuses the
 * stored embedding, on whichever instance owns the paper's partition), every classified paper carries its
 * embedding while a profile exists, and the like-subscription alerts the papers like its own, once each,
 * with its reasons. Poison on {@code paperfeed.feedback} (not JSON, the wrong shape, a rating of 5) is counted by
 * each instance's global store of ratings and stops neither.
 */
class MeaningPipelineIT {

    private static final String[] KAN = {
        "symbolic regression of physical laws", "solving partial differential equations", "time series forecasting",
        "graph learning with spline activations", "continual learning without forgetting",
        "interpretable tabular classification", "quantum chemistry potentials", "image classification backbones",
        "fast GPU kernels for B-spline evaluation", "pruning of edge functions for interpretability"};
    private static final String[] OTHER = {
        "compressing the key-value cache of large language models for long-context inference",
        "panoptic segmentation of street scenes with mask transformers",
        "retrieval-augmented question answering over legal documents",
        "reinforcement learning from human feedback for chat assistants",
        "speech recognition for low-resource languages with self-supervised audio models",
        "diffusion models for text-to-image generation with better prompt following",
        "multi-agent path finding for warehouse robots",
        "federated learning with differential privacy on mobile phones",
        "detecting jailbreak prompts against aligned language models",
        "3D reconstruction of indoor scenes from monocular video with Gaussian splatting",
        "mixture-of-experts routing for efficient pretraining of large models",
        "medical image segmentation of tumours in MRI scans",
        "code generation benchmarks for repository-level software engineering",
        "recommender systems with sequential user behaviour modelling",
        "machine translation between English and Swahili with back-translation"};

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> t : Topics.all()) {
            topics.add(new NewTopic(t.name(), 3, (short) 1).configs(t.configs()));
        }
        for (TopicDefinition t : Taxonomy.defaults().topics()) {
            topics.add(new NewTopic(t.kafkaTopic(), 3, (short) 1));
        }
        try (Admin admin = new KafkaClients(broker.bootstrapServers()).admin()) {
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String kan(int i) {
        return "Kolmogorov-Arnold networks (KANs) put learnable univariate spline functions on the edges of a network "
                + "instead of fixed activations on its nodes. We apply KANs to " + KAN[i] + " and compare them with "
                + "multilayer perceptrons of the same size.";
    }

    private static String other(int i) {
        return "We study " + OTHER[i] + ". Our method improves over strong baselines on three public benchmarks, and "
                + "we release code and data.";
    }

    @Test
    void twoInstancesEmbedEachPaperOnceAndALikeSubscriptionAlertsItsField(@TempDir Path state) throws Exception {
        KafkaClients clients = new KafkaClients(broker.bootstrapServers());
        Subscription like = new LikeResolver(MiniLmEmbedder.shared(), PaperLookup.none()).resolve(
                Subscription.ofLike("kan-like", List.of(
                        LikeItem.inline("KAN: Kolmogorov-Arnold Networks", "Inspired by the Kolmogorov-Arnold "
                                + "representation theorem, we propose KANs as alternatives to multilayer perceptrons, "
                                + "with learnable activation functions on edges, parametrized as splines."),
                        LikeItem.inline("KAN 2.0: Kolmogorov-Arnold Networks Meet Science", "We use KANs with "
                                + "learnable univariate functions to discover physical laws and for symbolic regression."))));
        try (SubscriptionPublisher publisher = SubscriptionPublisher.open(clients, "meaning-it", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.of(Taxonomy.defaults()))) {
            publisher.put(like);
        }
        try (Producer<String, byte[]> poison = clients.producer("meaning-it-poison", new StringSerializer(),
                new ByteArraySerializer())) {
            poison.send(new ProducerRecord<>(Topics.FEEDBACK.name(), "kan-like|arxiv:1", "{not json".getBytes(UTF_8))).get();
            poison.send(new ProducerRecord<>(Topics.FEEDBACK.name(), "kan-like|arxiv:2",
                    "{\"color\":1}".getBytes(UTF_8))).get();
            poison.send(new ProducerRecord<>(Topics.FEEDBACK.name(), "kan-like|arxiv:3",
                    "{\"subscriptionId\":\"kan-like\",\"paper\":\"arxiv:3\",\"rating\":5}".getBytes(UTF_8))).get();
        }
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        try (StreamsService a = new StreamsService(settings(clients, state.resolve("a")), first);
             StreamsService b = new StreamsService(settings(clients, state.resolve("b")), second)) {
            a.start();
            b.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> a.isHealthy() && b.isHealthy());
            Set<String> kanIds = new HashSet<>();
            Set<String> all = new HashSet<>();
            try (Producer<String, PaperEvent> producer = clients.producer("meaning-it", new StringSerializer(),
                    PaperSerdes.PAPER_EVENT.serializer())) {
                for (int i = 0; i < KAN.length; i++) {
                    String id = String.format("2507.%05d", i);
                    kanIds.add("arxiv:" + id);
                    send(producer, id, "KANs for " + KAN[i], kan(i), List.of("cs.LG"), "feed-a", i);
                    // the same text from another feed that adds a category: an UPDATED paper, the same embedding
                    send(producer, id, "KANs for " + KAN[i], kan(i), List.of("cs.LG", "stat.ML"), "feed-b", i);
                }
                for (int i = 0; i < OTHER.length; i++) {
                    send(producer, String.format("2507.%05d", 100 + i), "A study of " + OTHER[i], other(i), List.of("cs.LG"),
                            "feed-a", 100 + i);
                }
            }
            kanIds.forEach(all::add);
            for (int i = 0; i < OTHER.length; i++) {
                all.add(String.format("arxiv:2507.%05d", 100 + i));
            }
            Map<String, List<CanonicalPaper>> classified = new HashMap<>();
            List<Alert> alerts = new ArrayList<>();
            try (Consumer<String, byte[]> reader = clients.reader("meaning-it-reader", new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.PAPERS_CLASSIFIED.name(), Topics.ALERTS.name())) {
                    for (int p = 0; p < 3; p++) {
                        partitions.add(new TopicPartition(topic, p));
                    }
                }
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                await().atMost(Duration.ofMinutes(3)).alias("papers classified: " + classified.size()).until(() -> {
                    for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                        if (r.topic().equals(Topics.ALERTS.name())) {
                            alerts.add(PaperSerdes.ALERT.deserialize(r.topic(), r.value()));
                        } else if (r.value() != null) {
                            CanonicalPaper p = PaperSerdes.CANONICAL_PAPER.deserialize(r.topic(), r.value());
                            classified.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
                        }
                    }
                    return classified.keySet().containsAll(all)
                            && kanIds.stream().allMatch(id -> classified.get(id).size() == 2);
                });
            }
            classified.values().forEach(versions -> versions.forEach(p -> assertNotNull(p.embedding(),
                    "a profile exists: " + p.id() + " carries its embedding")));
            for (String id : kanIds) {
                assertEquals(classified.get(id).get(0).embedding(), classified.get(id).get(1).embedding());
            }
            double computed = count(first, "computed") + count(second, "computed");
            double reused = count(first, "reused") + count(second, "reused");
            assertEquals(all.size(), computed, "each paper embedded once across both instances");
            assertEquals(KAN.length, reused, "each second sighting reused its embedding");
            assertTrue(count(first, "computed") > 0 && count(second, "computed") > 0, "both instances embedded papers");

            Set<String> alerted = new HashSet<>();
            for (Alert alert : alerts) {
                assertEquals("kan-like", alert.subscriptionId());
                assertTrue(alerted.add(alert.paper().id()), "one alert per paper: " + alert.paper().id());
                assertNotNull(alert.similarTo());
                assertTrue(alert.similarTo().score() >= alert.similarTo().threshold());
            }
            long right = alerted.stream().filter(kanIds::contains).count();
            assertTrue(right >= 8, "KAN papers alerted: " + right + " of " + KAN.length + " " + alerted);
            assertTrue(alerted.size() - right <= 2, "other papers alerted: " + (alerted.size() - right) + " " + alerted);
            for (SimpleMeterRegistry registry : List.of(first, second)) {
                assertEquals(3.0, registry.get("paperfeed.feedback.unreadable").counter().count(),
                        "every instance's global store read and skipped the three poison ratings");
            }
            assertTrue(a.isHealthy() && b.isHealthy(), "poison on the feedback topic stopped no instance");
        }
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        var counter = registry.find("paperfeed.papers.embeddings").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static StreamsSettings settings(KafkaClients clients, Path stateDir) {
        return new StreamsSettings(clients, "meaning-it", stateDir, 1, null, null, 0);
    }

    private static void send(Producer<String, PaperEvent> producer, String arxivId, String title, String text,
                             List<String> categories, String source, int position) {
        PaperEvent e = new PaperEvent(arxivId, null, null, title, text, List.of(), categories, null, null, null,
                List.of(), new Provenance(source, "test-format", position + 1, Instant.EPOCH));
        producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(), e));
    }
}
