package io.paperfeed.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Digest;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger through the whole topology: papers are piped into the canonical topic directly, in the
 * orders a multi-partition deployment can deliver them to the ledger (a paper's arXiv record before its
 * content record), and every (subscription, paper) must come out as exactly one alert.
 */
class AlertLedgerTopologyTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String TEXT = "We compress the KV cache of long-context language models by merging "
            + "similar keys across adjacent layers, halving memory at equal accuracy.";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CanonicalPaper> canonical;
    private TestInputTopic<String, byte[]> subscriptions;
    private TestOutputTopic<String, Alert> alerts;

    /** The settings every test runs on (matching not sharded). */
    StreamsSettings settings(Path stateDir) {
        return new StreamsSettings("dummy:9092", "ledger-test", stateDir, 1, "all-papers");
    }

    @BeforeEach
    void setUp() {
        StreamsSettings settings = settings(stateDir);
        driver = new TopologyTestDriver(PaperFeedTopology.build(settings, new PipelineMetrics()),
                settings.toProperties());
        canonical = driver.createInputTopic(Topics.PAPERS_CANONICAL.name(), new StringSerializer(),
                PaperSerdes.CANONICAL_PAPER.serializer());
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                PaperSerdes.ALERT.deserializer());
        subscribe("{\"id\":\"kv-watch\",\"query\":\"abstract:\\\"kv cache\\\"\"}");
        subscribe("{\"id\":\"kv-updates\",\"query\":\"abstract:\\\"kv cache\\\"\",\"alertOnUpdate\":true}");
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aPaperWhoseIdChangesAlertsOnceWhenItsContentRecordComesFirst() {
        canonical.pipeInput("content:abc", contentPaper(), T0);
        canonical.pipeInput("arxiv:2508.00001", arxivPaper(), T0.plusSeconds(60));
        canonical.pipeInput("content:abc", null, T0.plusSeconds(60));

        Map<String, List<Alert>> bySubscription = bySubscription(alerts.readValuesToList());
        assertEquals(1, bySubscription.get("all-papers").size());
        assertEquals(1, bySubscription.get("kv-watch").size(), "alertOnUpdate false: the arXiv id is no new alert");
        assertEquals("content:abc", bySubscription.get("kv-watch").get(0).paper().id());
        assertEquals(2, bySubscription.get("kv-updates").size(), "alertOnUpdate true: the update alerts again");
        assertNotEquals(bySubscription.get("kv-updates").get(0).alertId(),
                bySubscription.get("kv-updates").get(1).alertId());
    }

    @Test
    void aPaperWhoseIdChangesAlertsOnceWhenItsArxivRecordOvertakesItsContentRecord() {
        // the two records are on different canonical partitions: the arXiv one's task may be ahead
        canonical.pipeInput("arxiv:2508.00001", arxivPaper(), T0.plusSeconds(60));
        canonical.pipeInput("content:abc", contentPaper(), T0);

        Map<String, List<Alert>> bySubscription = bySubscription(alerts.readValuesToList());
        assertEquals(1, bySubscription.get("all-papers").size());
        assertEquals(1, bySubscription.get("kv-watch").size());
        assertEquals(1, bySubscription.get("kv-updates").size(), "the late content record is no update");
        assertEquals("arxiv:2508.00001", bySubscription.get("kv-watch").get(0).paper().id());
    }

    @Test
    void aDigestModeSubscriptionsAlertGoesIntoItsDigestNotToTheAlertsTopic() {
        subscribe("{\"id\":\"kv-daily\",\"query\":\"abstract:\\\"kv cache\\\"\",\"mode\":\"digest\"}");
        canonical.pipeInput("arxiv:2508.00001", arxivPaper(), T0);

        assertEquals(List.of("all-papers", "kv-updates", "kv-watch"), bySubscription(alerts.readValuesToList())
                .keySet().stream().sorted().toList(), "kv-daily is in digest mode");
        KeyValueStore<String, Digest> windows = driver.getKeyValueStore(DigestWindows.STORE);
        List<String> digested = new ArrayList<>();
        try (KeyValueIterator<String, Digest> all = windows.all()) {
            all.forEachRemaining(w -> w.value.alerts().forEach(a -> digested.add(a.subscriptionId() + " " + a.paper().id())));
        }
        assertEquals(List.of("kv-daily arxiv:2508.00001"), digested);
    }

    @Test
    void theSameRecordProcessedAgainMakesTheSameAlertAndTheLedgerDropsIt() {
        canonical.pipeInput("content:abc", contentPaper(), T0);
        Alert first = alerts.readValuesToList().stream().filter(a -> a.subscriptionId().equals("all-papers"))
                .findFirst().orElseThrow();
        assertEquals(AlertIds.builtIn("all-papers", "content:abc"), first.alertId());
        assertEquals(T0, first.createdAt(), "createdAt is the paper record's time, not the wall clock");

        canonical.pipeInput("content:abc", contentPaper(), T0);
        assertEquals(List.of(), alerts.readValuesToList(), "a repeat of the same NEW record alerts no one");
    }

    @Test
    void anUpdateWithoutAChangeOfIdAlertsOnlyTheSubscriptionsThatAskForIt() {
        canonical.pipeInput("arxiv:2508.00001", arxivPaper().withChange(CanonicalPaper.Change.NEW), T0);
        alerts.readValuesToList();
        CanonicalPaper updated = new CanonicalPaper("arxiv:2508.00001", "2508.00001", 2, null, "KV merging",
                TEXT + " Now with more models.", List.of(), List.of(), List.of(), null, null, null, List.of(),
                List.of(), List.of(source(1), source(2), source(3)), List.of(), CanonicalPaper.Change.UPDATED);
        canonical.pipeInput("arxiv:2508.00001", updated, T0.plusSeconds(120));

        List<Alert> again = alerts.readValuesToList();
        assertEquals(List.of("kv-updates"), again.stream().map(Alert::subscriptionId).toList());
        assertEquals(AlertIds.update("kv-updates", again.get(0).paper()), again.get(0).alertId(),
                "the update's id follows its content");
        assertEquals(updated.abstractText(), again.get(0).paper().abstractText());
    }

    private Map<String, List<Alert>> bySubscription(List<Alert> all) {
        return all.stream().collect(Collectors.groupingBy(Alert::subscriptionId));
    }

    private void subscribe(String json) {
        String id = json.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        subscriptions.pipeInput(id, json.getBytes(StandardCharsets.UTF_8), T0);
    }

    private static CanonicalPaper contentPaper() {
        return new CanonicalPaper("content:abc", null, null, null, null, TEXT, List.of(), List.of(), List.of(), null,
                null, null, List.of(), List.of(), List.of(source(1)), List.of(), CanonicalPaper.Change.NEW);
    }

    private static CanonicalPaper arxivPaper() {
        return new CanonicalPaper("arxiv:2508.00001", "2508.00001", 1, null, "KV merging", TEXT, List.of(), List.of(),
                List.of(), null, null, null, List.of(), List.of(), List.of(source(1), source(2)),
                List.of("content:abc"), CanonicalPaper.Change.UPDATED);
    }

    private static Provenance source(int position) {
        return new Provenance("feeds/test.txt", "test-format", position, T0);
    }
}
