package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * Dedup after a real restore: a streams instance sees two papers and stops; another starts on an empty
 * state directory, so Kafka Streams restores both dedup stores (the papers' records and the evidence
 * index with its LSH bands) from their changelogs. Sightings after the restore must still merge with
 * the papers seen before it, by near-duplicate text and by DOI. The
 * broker is this test's own, so the fixed topic names meet no other test's records.
 */
class DedupRestoreIT {

    private static final String APP_ID = "dedup-restore-it";
    private static final String MUON = "Recently, the Muon optimizer based on matrix orthogonalization has demonstrated "
            + "strong results in training small-scale language models, but the scalability to larger models has not "
            + "been proven. We identify two crucial techniques for scaling up Muon: adding weight decay and carefully "
            + "adjusting the per-parameter update scale.";
    private static final String DOI = "10.48550/arXiv.2309.06180";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        try (Admin admin = admin()) {
            TopicSetup.ensureTopics(admin, Taxonomy.defaults()); // with paperfeed.topic.<id>, as the services do
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void sightingsAfterARestoreFromTheChangelogMergeWithPapersSeenBeforeIt(@TempDir Path firstState,
                                                                         @TempDir Path secondState) throws Exception {
        PaperEvent muon = sighting(null, null, MUON, 1);
        PaperEvent paged = sighting(DOI, "Efficient Memory Management for Large Language Model Serving",
                "High throughput serving of large language models requires batching sufficiently many requests.", 2);
        PaperEvent muonAgain = sighting(null, null, MUON.replace("matrix orthogonalization",
                "matrix ortho-\nnormalization"), 3);
        PaperEvent pagedAgain = sighting(DOI.toUpperCase(java.util.Locale.ROOT), "vLLM: PagedAttention",
                "We build a serving system on paged attention.", 4);

        try (DecisionReader decisions = new DecisionReader()) {
            publish(muon, paged);
            try (StreamsService first = service(firstState)) {
                first.start();
                await().atMost(Duration.ofMinutes(2)).until(() -> decisions.poll().keySet()
                        .containsAll(Set.of(muon.itemKey(), paged.itemKey())));
            }
            DedupDecision muonNew = decisions.byItem.get(muon.itemKey());
            DedupDecision pagedNew = decisions.byItem.get(paged.itemKey());
            assertEquals(List.of(Outcome.NEW, Outcome.NEW), List.of(muonNew.outcome(), pagedNew.outcome()));
            try (Admin admin = admin()) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.containsAll(Set.of(APP_ID + "-dedup-refs-changelog", APP_ID + "-dedup-index-changelog")),
                        "both dedup stores come back from their changelogs: " + topics);
            }

            publish(muonAgain, pagedAgain);
            try (StreamsService second = service(secondState)) { // empty state directory: restored from Kafka
                second.start();
                await().atMost(Duration.ofMinutes(2)).until(() -> decisions.poll().keySet()
                        .containsAll(Set.of(muonAgain.itemKey(), pagedAgain.itemKey())));
            }
            DedupDecision nearDuplicate = decisions.byItem.get(muonAgain.itemKey());
            assertEquals(List.of(Outcome.MERGED, "near-duplicate", muonNew.paperId()),
                    List.of(nearDuplicate.outcome(), nearDuplicate.matchedBy(), nearDuplicate.paperId()));
            DedupDecision byDoi = decisions.byItem.get(pagedAgain.itemKey());
            assertEquals(List.of(Outcome.MERGED, "doi", pagedNew.paperId()),
                    List.of(byDoi.outcome(), byDoi.matchedBy(), byDoi.paperId()));
        }
    }

    private static StreamsService service(Path stateDir) {
        return new StreamsService(new StreamsSettings(broker.bootstrapServers(), APP_ID, stateDir, 1, null),
                new SimpleMeterRegistry());
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    private static void publish(PaperEvent... sightings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (PaperEvent e : sightings) {
                producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(),
                        PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e)));
            }
        }
    }

    private static PaperEvent sighting(String doi, String title, String abstractText, int position) {
        return new PaperEvent(null, null, doi, title, abstractText, List.of(), List.of(), null, null, null,
                new Provenance("feeds/dedup-restore-it.txt", "test-format", position, Instant.EPOCH));
    }

    /** The committed dedup decisions, by item key. */
    private static final class DecisionReader implements AutoCloseable {
        final KafkaConsumer<String, byte[]> consumer;
        final Map<String, DedupDecision> byItem = new HashMap<>();

        DecisionReader() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEDUP_DECISIONS.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        Map<String, DedupDecision> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> byItem.put(r.key(),
                    PaperSerdes.DEDUP_DECISION.deserialize(r.topic(), r.value())));
            return byItem;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
