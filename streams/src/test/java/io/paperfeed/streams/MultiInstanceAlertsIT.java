package io.paperfeed.streams;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.DeadLetters;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
 * The topology on a real broker whose topics have 3 partitions, run by two streams instances that share
 * the work: papers first seen without an arXiv id and then with one (so their two ids usually sit on
 * different partitions, processed by different tasks) make one alert per (subscription, paper), and
 * poison records on the canonical topic are dead-lettered with their position while the papers after
 * them flow. Preprints whose journal versions (title-only, another DOI, a {@code has-preprint} relation)
 * come later, then again (a repeat) and once more from another source (Crossref: title-only, only the
 * journal DOI, sent before or after the journal's records), alert a plain subscription once
 * and one with {@code alertOn: ["new", "published"]} twice: the preprint, then its publication.
 */
class MultiInstanceAlertsIT {

    private static final int PAPERS = 40;
    private static final int PAIRS = 6;
    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static EmbeddedKafkaBroker broker;
    private static KafkaClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.builder().partitions(3).start();
        clients = new KafkaClients(broker.bootstrapServers());
        try (Admin admin = clients.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> t : Topics.all()) {
                topics.add(new NewTopic(t.name(), Optional.empty(), Optional.empty()).configs(t.configs()));
            }
            // the topic streams: a paper no topic query matches gets its nearest topics by meaning, so some are written
            for (TopicDefinition t : Taxonomy.defaults().topics()) {
                topics.add(new NewTopic(t.kafkaTopic(), Optional.empty(), Optional.empty()));
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void twoInstancesOnThreePartitionsAlertEachPaperOncePerSubscriptionAndDeadLetterPoison(
            @TempDir Path stateA, @TempDir Path stateB) throws Exception {
        try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), "every-paper",
                    "{\"id\":\"every-paper\",\"query\":\"abstract:paper\"}".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), "reports",
                    "{\"id\":\"reports\",\"query\":\"abstract:report\"}".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), "reports-published",
                    ("{\"id\":\"reports-published\",\"query\":\"abstract:report\",\"alertOn\":[\"new\",\"published\"]}")
                            .getBytes(StandardCharsets.UTF_8))).get();
            SimpleMeterRegistry registryA = new SimpleMeterRegistry();
            SimpleMeterRegistry registryB = new SimpleMeterRegistry();
            try (StreamsService a = service(stateA, registryA); StreamsService b = service(stateB, registryB)) {
                a.start();
                b.start();
                assertTrue(a.awaitRunning(Duration.ofSeconds(60)) && b.awaitRunning(Duration.ofSeconds(60)));
                for (int i = 0; i < PAPERS; i++) {
                    publish(producer, sighting(i, false));
                }
                producer.send(new ProducerRecord<>(Topics.PAPERS_CANONICAL.name(), "arxiv:poison",
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(Topics.PAPERS_CANONICAL.name(), "arxiv:poison",
                        "{\"id\":\"arxiv:poison\"}".getBytes(StandardCharsets.UTF_8))).get();
                for (int i = 0; i < PAPERS; i++) {
                    publish(producer, sighting(i, true));
                }
                for (int i = 0; i < PAIRS; i++) {
                    publish(producer, CrossSource.preprint(i, T0));
                }
                producer.flush();

                Output out = new Output();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    out.read();
                    return out.alerts.stream().filter(x -> x.subscriptionId().equals("reports-published")).count() >= PAIRS;
                });
                for (int i = 0; i < PAIRS; i++) { // the publications, once more (a repeat), and from another source
                    // (Crossref: title-only, only the journal DOI, in any order with the journal's records: held
                    // apart from the preprint until a record naming both joins them)
                    if (i % 2 == 0) {
                        publish(producer, CrossSource.crossref(i, T0));
                    }
                    publish(producer, CrossSource.journal(i, "feeds/journal.xml", T0));
                    publish(producer, CrossSource.journal(i, "feeds/journal.xml", T0));
                    if (i % 2 == 1) {
                        publish(producer, CrossSource.crossref(i, T0));
                    }
                }
                producer.flush();
                awaitOrExplain(out, () -> out.papers.size() == PAPERS + PAIRS && out.letters.size() >= 2
                            && out.alerts.stream().filter(x -> x.subscriptionId().equals("every-paper")).count() >= PAPERS
                            && out.alerts.stream().filter(x -> x.subscriptionId().equals("reports-published")).count()
                                    >= 2 * PAIRS
                            && out.papers.values().stream().filter(p -> p.dois().size() == 2)
                                    .filter(p -> p.sources().size() == 3).count() == PAIRS);
                out.settle();
                Map<String, Set<String>> idsOfPaper = out.idsOfPaper();
                assertEquals(PAPERS + PAIRS, idsOfPaper.size(), "every arXiv paper took its arXiv id");
                assertEquals(PAIRS, out.papers.values().stream()
                        .filter(p -> p.status() == io.paperfeed.model.PaperStatus.PUBLISHED && p.dois().size() == 2).count(),
                        "each preprint and its publication are one published paper with both DOIs");
                Map<String, List<io.paperfeed.model.AlertOn>> occasions = new HashMap<>();
                for (Alert alert : out.alerts) {
                    if (alert.subscriptionId().equals("reports-published")) {
                        occasions.computeIfAbsent(out.finalId(alert.paper().id()), k -> new ArrayList<>())
                                .add(alert.occasion());
                    }
                }
                assertEquals(PAIRS, occasions.size(), occasions.toString());
                occasions.values().forEach(o -> assertEquals(List.of(io.paperfeed.model.AlertOn.NEW,
                        io.paperfeed.model.AlertOn.PUBLISHED), o, "the preprint, then its publication, never a third"));
                assertEquals(2 * PAIRS, out.alerts.stream().filter(x -> x.subscriptionId().equals("reports-published"))
                        .map(Alert::alertId).distinct().count(), "every alert an id of its own");
                for (String subscription : List.of("all-papers", "every-paper", "reports")) {
                    int expected = subscription.equals("all-papers") ? PAPERS + PAIRS
                            : subscription.equals("reports") ? PAIRS : PAPERS;
                    Map<String, Integer> perPaper = new HashMap<>();
                    for (Alert alert : out.alerts) {
                        if (alert.subscriptionId().equals(subscription)) {
                            perPaper.merge(out.finalId(alert.paper().id()), 1, Integer::sum);
                        }
                    }
                    assertEquals(expected, perPaper.size(), subscription + ": every paper alerted");
                    assertTrue(perPaper.values().stream().allMatch(n -> n == 1), subscription + ": once " + perPaper);
                }
                assertTrue(out.alerts.stream().anyMatch(x -> x.paper().id().startsWith("content:")),
                        "some papers alerted under their content id");
                String poisonAt = "kafka:" + Topics.PAPERS_CANONICAL.name() + "/" + out.poisonPartition + "@";
                assertTrue(out.letters.stream().allMatch(l -> l.source().source().startsWith(poisonAt)
                        && l.reason().equals(DeadLetters.UNREADABLE)), out.letters.toString());
                assertEquals(2, out.letters.size(), out.letters.toString());
                assertEquals(2.0, deadLetters(registryA) + deadLetters(registryB));
                assertSubscriptionsHeld(held(registryA), held(registryB));
            }
        }
    }

    /** Waits for the condition on what is committed; on a timeout, fails saying what was there. */
    private static void awaitOrExplain(Output out, java.util.function.BooleanSupplier condition) {
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                out.read();
                return condition.getAsBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<String, Long> perSubscription = new java.util.TreeMap<>();
            out.alerts.forEach(a -> perSubscription.merge(a.subscriptionId(), 1L, Long::sum));
            throw new AssertionError("papers " + out.papers.size() + ", letters " + out.letters.size() + ", alerts "
                    + perSubscription + ", cross-source papers " + out.papers.values().stream()
                    .filter(p -> p.doi() != null).map(p -> p.id() + " " + p.dois() + " " + p.sources().size() + " "
                            + p.status()).toList(), e);
        }
    }

    /** Every instance matches every subscription: each holds the three. */
    void assertSubscriptionsHeld(int byA, int byB) {
        assertEquals(List.of(3, 3), List.of(byA, byB), "subscriptions held by each instance");
    }

    StreamsSettings settings(Path stateDir) {
        return new StreamsSettings(clients, "multi-instance-it", stateDir, 1, "all-papers", null);
    }

    private StreamsService service(Path stateDir, SimpleMeterRegistry registry) {
        return new StreamsService(settings(stateDir), registry);
    }

    private static double deadLetters(SimpleMeterRegistry registry) {
        return registry.get("paperfeed.dead.letters").tag("topic", Topics.PAPERS_CANONICAL.name()).counter().count();
    }

    private static int held(SimpleMeterRegistry registry) {
        return (int) registry.get("paperfeed.subscriptions.matched").gauge().value();
    }

    private static void publish(Producer<String, byte[]> producer, PaperEvent e) {
        producer.send(new ProducerRecord<>(Topics.PAPERS_RAW.name(), e.itemKey(),
                PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e)));
    }

    /** Paper {@code i}: first without an arXiv id or title, then with both (the same abstract). */
    private static PaperEvent sighting(int i, boolean withId) {
        Random random = new Random(i);
        StringBuilder text = new StringBuilder("This paper studies");
        for (int w = 0; w < 40; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(50));
        }
        return new PaperEvent(withId ? String.format("2508.%05d", i) : null, withId ? 1 : null, null,
                withId ? "Paper number " + i : null, text.toString(), List.of(), List.of(), null, null, null,
                new Provenance(withId ? "feeds/api.xml" : "feeds/aggregator.html", "test-format", i + 1, T0));
    }

    private static final String[] WORDS = {"kv", "cache", "model", "agent", "graph", "token", "layer", "loss",
        "vision", "robot", "speech", "policy", "reward", "proof", "kernel", "sparse", "dense", "prior"};

    /** Everything committed on the output topics, read from the beginning. */
    private static final class Output {
        final Map<String, CanonicalPaper> papers = new HashMap<>();
        final Map<String, String> retiredTo = new HashMap<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<InvalidItem> letters = new ArrayList<>();
        int poisonPartition = -1;

        void read() {
            papers.clear();
            retiredTo.clear();
            alerts.clear();
            letters.clear();
            try (Consumer<String, byte[]> reader = clients.reader("it-reader", new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.PAPERS_CLASSIFIED.name(), Topics.ALERTS.name(),
                        Topics.PAPERS_INVALID.name(), Topics.PAPERS_CANONICAL.name())) {
                    reader.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = reader.endOffsets(partitions);
                while (partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                        take(r);
                    }
                }
            }
        }

        private void take(ConsumerRecord<String, byte[]> r) {
            if (r.topic().equals(Topics.PAPERS_CLASSIFIED.name())) {
                CanonicalPaper p = PaperSerdes.CANONICAL_PAPER.deserialize(r.topic(), r.value());
                if (p == null) {
                    papers.remove(r.key());
                } else {
                    papers.put(p.id(), p);
                    p.aliases().forEach(alias -> retiredTo.put(alias, p.id()));
                }
            } else if (r.topic().equals(Topics.ALERTS.name())) {
                alerts.add(PaperSerdes.ALERT.deserialize(r.topic(), r.value()));
            } else if (r.topic().equals(Topics.PAPERS_INVALID.name())) {
                letters.add(PaperSerdes.INVALID_ITEM.deserialize(r.topic(), r.value()));
            } else if ("arxiv:poison".equals(r.key())) {
                poisonPartition = r.partition();
            }
        }

        /** Reads once more, after the streams app had time to emit anything that is still on its way. */
        void settle() {
            read();
        }

        String finalId(String id) {
            String current = id;
            while (retiredTo.containsKey(current)) {
                current = retiredTo.get(current);
            }
            return current;
        }

        Map<String, Set<String>> idsOfPaper() {
            Map<String, Set<String>> ids = new HashMap<>();
            for (CanonicalPaper p : papers.values()) {
                Set<String> all = new HashSet<>(p.aliases());
                all.add(p.id());
                ids.put(p.id(), all);
            }
            assertEquals(PAPERS, ids.keySet().stream().filter(id -> id.startsWith("arxiv:")).count(),
                    ids.keySet().toString());
            return ids;
        }
    }
}
