package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Restart safety against a real broker: the streams service (the packaged jar, in its own JVM) is
 * killed with SIGKILL in the middle of a run, restarted on the same state directory, and the
 * canonical topic still holds exactly one NEW record per paper.
 */
class StreamsRestartIT {

    private static final int PAPERS = 2500;
    private static final Path JAR = Path.of("target", "paperfeed.jar");
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicSetup.ensureTopics(admin);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void killedMidRunAndRestartedTheOutputHoldsExactlyOneNewPerPaper(@TempDir Path stateDir) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar exists (integration tests run after package)");
        Set<String> itemKeys = publishTwoSightingsPerPaper();

        Process first = startStreams(stateDir);
        try (OutputReader reader = new OutputReader()) {
            await().atMost(Duration.ofMinutes(2)).until(() -> reader.poll().decided() >= PAPERS / 4);
            first.destroyForcibly().waitFor();
            int decidedAtKill = reader.poll().decided();
            assertTrue(decidedAtKill < itemKeys.size(), "killed mid-run: " + decidedAtKill + " of " + itemKeys.size());

            Process second = startStreams(stateDir);
            try {
                await().atMost(Duration.ofMinutes(3)).until(() -> reader.poll().decidedKeys.containsAll(itemKeys));
                // decisions and papers commit together, but are fetched apart: read both to their end
                await().atMost(Duration.ofMinutes(1)).until(() -> reader.poll().atEnd());
            } finally {
                second.destroy();
                second.waitFor();
            }
            System.out.printf("restart safety: killed (SIGKILL) after %d of %d sightings were decided; after the"
                    + " restart %d papers with %d NEW records%n", decidedAtKill, itemKeys.size(), reader.newPerPaper.size(),
                    reader.newPerPaper.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(PAPERS, reader.newPerPaper.size(), "every paper came out");
            reader.newPerPaper.forEach((id, count) -> assertEquals(1, count, "NEW records of " + id));
        }
    }

    /** Each paper once from a listing without title, once from an API response with title and version. */
    private Set<String> publishTwoSightingsPerPaper() {
        Random random = new Random(7);
        Set<String> keys = new HashSet<>();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PAPERS; i++) {
                String id = String.format("2501.%05d", i);
                String text = randomAbstract(random);
                for (PaperEvent e : List.of(
                        new PaperEvent(id, null, null, null, text, List.of(), List.of(), null, null, null,
                                new Provenance("listing.txt", "arxiv-author-listing", i + 1, Instant.EPOCH)),
                        new PaperEvent(id, 2, null, "Paper number " + i, text, List.of("A. Author"), List.of("cs.LG"),
                                null, "2025-01-02", null, new Provenance("api.xml", "arxiv-atom-api", i + 1, Instant.EPOCH)))) {
                    producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(),
                            PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e)));
                    keys.add(e.itemKey());
                }
            }
        }
        return keys;
    }

    private static String randomAbstract(Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            text.append(Integer.toString(random.nextInt(1 << 20), 36)).append(' ');
        }
        return text.toString().trim() + ".";
    }

    private static Process startStreams(Path stateDir) throws IOException {
        return new ProcessBuilder("java", "-jar", JAR.toString(), "streams",
                "--bootstrap-servers", broker.bootstrapServers(), "--port", "0",
                "--application-id", "restart-it", "--state-dir", stateDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "streams-restart-it.log").toFile()))
                .start();
    }

    /** Reads decisions and canonical papers, read-committed, as they are committed. */
    private static final class OutputReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        final Set<String> decidedKeys = new HashSet<>();
        final Map<String, Integer> newPerPaper = new HashMap<>();

        OutputReader() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.DEDUP_DECISIONS.name(), Topics.PAPERS_CANONICAL.name())) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        OutputReader poll() {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.topic().equals(Topics.DEDUP_DECISIONS.name())) {
                    DedupDecision d = PaperSerdes.DEDUP_DECISION.deserialize(r.topic(), r.value());
                    decidedKeys.add(d.itemKey());
                } else if (r.value() != null) {
                    CanonicalPaper paper = PaperSerdes.CANONICAL_PAPER.deserialize(r.topic(), r.value());
                    if (paper.change() == CanonicalPaper.Change.NEW) {
                        newPerPaper.merge(paper.id(), 1, Integer::sum);
                    }
                }
            }
            return this;
        }

        int decided() {
            return decidedKeys.size();
        }

        /** Whether everything committed on both topics so far has been read. */
        boolean atEnd() {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            return assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
