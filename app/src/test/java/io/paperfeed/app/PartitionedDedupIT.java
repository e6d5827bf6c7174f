package io.paperfeed.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned dedup on a real broker: every topic has 3 partitions and two streams instances share
 * the work, one joining mid-run and the other leaving mid-run (two rebalances). The 114 seed items,
 * each also sent as an id-less, title-less copy with its whitespace and line breaks changed, in one
 * shuffled burst, must still be the 107 papers of the demo: one NEW each, every item in some paper's
 * sources, one decision per item. Cross-source: a journal's title-only record arrives first (held, not
 * published), the bioRxiv preprint naming its DOI last, on whatever partitions their homes are: one
 * more paper, with both DOIs.
 */
class PartitionedDedupIT {

    private static final Path SEEDS = Path.of("..", "seeds");
    /** A real bioRxiv details record (the producer's fixture) whose {@code published} is this journal DOI. */
    private static final Path BIORXIV = Path.of("..", "producer", "src", "test", "resources", "fixtures", "sources",
            "biorxiv-details-doi-2020.06.11.145425.json");
    private static final String PUBLISHED_DOI = "10.1016/j.patter.2020.100123";

    @Test
    void seedsAndIdLessCopiesOnThreePartitionsAndTwoInstancesAreTheDemosPapers(@TempDir Path state) throws Exception {
        List<PaperEvent> events = seedsAndCopies();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3)) {
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            try (Admin admin = clients.admin()) {
                TopicSetup.ensureTopics(admin, io.paperfeed.subscriptions.taxonomy.Taxonomy.defaults());
                assertEquals(3, admin.describeTopics(List.of(Topics.DEDUP_EXCHANGE.name())).allTopicNames().get()
                        .get(Topics.DEDUP_EXCHANGE.name()).partitions().size());
            }
            try (Output output = new Output(broker.bootstrapServers())) {
                StreamsService first = instance(clients, state.resolve("a"));
                first.start();
                assertTrue(first.awaitRunning(Duration.ofSeconds(60)));
                publish(clients, events.subList(0, events.size() / 2));
                await().atMost(Duration.ofMinutes(2)).alias("a quarter decided by the first instance alone")
                        .until(() -> output.poll().decisions.size() >= events.size() / 4);
                StreamsService second = instance(clients, state.resolve("b"));
                second.start();
                publish(clients, events.subList(events.size() / 2, events.size()));
                await().atMost(Duration.ofMinutes(2)).alias("half the items decided")
                        .until(() -> output.poll().decisions.size() >= events.size() / 2);
                System.out.printf("partitioned dedup IT: %d of %d items decided when the first instance leaves (states %s, %s)%n",
                        output.decisions.size(), events.size(), first.state(), second.state());
                first.close();
                try {
                    Set<String> items = new HashSet<>();
                    events.forEach(e -> items.add(e.itemKey()));
                    await().atMost(Duration.ofMinutes(3)).until(() -> output.poll().decisions.keySet().containsAll(items));
                    await().atMost(Duration.ofMinutes(1)).until(() -> output.poll().atEnd());
                } finally {
                    second.close();
                }
                assertEquals(events.size(), output.decisions.size(), "one decision per item");
                assertEquals(108, output.latest.size(), "the demo's 107 papers and the cross-source one: "
                        + output.latest.keySet());
                List<CanonicalPaper> crossSource = output.latest.values().stream()
                        .filter(p -> p.dois().contains(PUBLISHED_DOI)).toList();
                assertEquals(1, crossSource.size(), "the preprint and its publication are one paper");
                assertEquals(PUBLISHED_DOI, crossSource.get(0).doi());
                assertEquals(List.of("10.1101/2020.06.11.145425", PUBLISHED_DOI).stream().sorted().toList(),
                        crossSource.get(0).dois().stream().sorted().toList());
                assertEquals(2, crossSource.get(0).sources().size());
                Set<String> inSources = new HashSet<>();
                output.latest.values().forEach(p -> p.sources().forEach(s -> inSources.add(s.itemKey())));
                Set<String> repeats = new HashSet<>();
                output.decisions.forEach((item, d) -> {
                    if (d.outcome() == DedupDecision.Outcome.REPEAT) {
                        repeats.add(item);
                    }
                });
                for (PaperEvent e : events) {
                    assertTrue(inSources.contains(e.itemKey()) || repeats.contains(e.itemKey()),
                            e.itemKey() + " is in some paper's sources");
                }
                output.newPerId.forEach((id, n) -> assertEquals(1, n, "NEW records of " + id));
                assertEquals(output.latest.keySet(), output.newPerIdAlive(), "one NEW for every live paper");
            }
        }
    }

    private static StreamsService instance(KafkaClients clients, Path stateDir) {
        return new StreamsService(new StreamsSettings(clients, "partitioned-dedup-it", stateDir, 1, null, null, 0),
                new SimpleMeterRegistry());
    }

    /** The seed items, and for each an id-less copy: same abstract with other line breaks and spaces. */
    private static List<PaperEvent> seedsAndCopies() throws Exception {
        List<PaperEvent> events = new ArrayList<>();
        FeedReader reader = new FeedReader();
        for (Path file : FeedReader.expand(List.of(SEEDS))) {
            events.addAll(reader.read(file, Instant.EPOCH).papers());
        }
        assertEquals(114, events.size());
        Random random = new Random(3);
        List<PaperEvent> all = new ArrayList<>(events);
        for (int i = 0; i < events.size(); i++) {
            String text = events.get(i).abstractText().replace(". ", random.nextBoolean() ? ".\n" : ".  ");
            all.add(new PaperEvent(null, null, null, null, "  " + text + "\n", List.of(), List.of(), null, null, null,
                    new Provenance("copies.txt", "aggregator-author-page", i + 1, Instant.EPOCH)));
        }
        // cross-source: the bioRxiv preprint, and the journal's title-only record of its publication (made of
        // what the preprint record says of it: the published DOI, title and authors) sent first and last
        PaperEvent preprint = reader.read(BIORXIV, Instant.EPOCH).papers().get(0);
        PaperEvent journal = new PaperEvent(null, null, PUBLISHED_DOI, preprint.title(), null, preprint.authors(),
                List.of(), null, null, null, List.of(), List.of(), Map.of(), List.of(), null,
                io.paperfeed.model.PaperStatus.PUBLISHED, new Provenance("journal.xml", "journal-rss", 1, Instant.EPOCH));
        java.util.Collections.shuffle(all, random);
        all.add(0, journal);
        all.add(preprint);
        return all;
    }

    private static void publish(KafkaClients clients, List<PaperEvent> events) {
        try (var producer = clients.producer("it", new StringSerializer(), new ByteArraySerializer())) {
            for (PaperEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(),
                        PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e)));
            }
        }
    }

    /** The decisions and canonical papers, read committed. */
    private static final class Output implements AutoCloseable {
        private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
        final Map<String, DedupDecision> decisions = new HashMap<>();
        final Map<String, CanonicalPaper> latest = new HashMap<>();
        final Map<String, Integer> newPerId = new HashMap<>();

        Output(String bootstrap) {
            consumer = new KafkaClients(bootstrap).reader("it", new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.DEDUP_DECISIONS.name(), Topics.PAPERS_CANONICAL.name())) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        Output poll() {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.topic().equals(Topics.DEDUP_DECISIONS.name())) {
                    DedupDecision d = PaperSerdes.DEDUP_DECISION.deserialize(r.topic(), r.value());
                    decisions.put(d.itemKey(), d);
                } else if (r.value() == null) {
                    latest.remove(r.key());
                } else {
                    CanonicalPaper p = PaperSerdes.CANONICAL_PAPER.deserialize(r.topic(), r.value());
                    latest.put(r.key(), p);
                    if (p.change() == CanonicalPaper.Change.NEW) {
                        newPerId.merge(p.id(), 1, Integer::sum);
                    }
                }
            }
            return this;
        }

        Set<String> newPerIdAlive() {
            Set<String> alive = new HashSet<>();
            for (String id : newPerId.keySet()) {
                CanonicalPaper p = latest.get(id);
                if (p != null) {
                    alive.add(id);
                } else {
                    latest.values().stream().filter(l -> l.aliases().contains(id)).forEach(l -> alive.add(l.id()));
                }
            }
            return alive;
        }

        boolean atEnd() {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            return consumer.assignment().stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
