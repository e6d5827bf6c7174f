package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alertOnUpdate}: a subscription that asks for it is alerted again for each UPDATED version of a
 * paper it was alerted for, each time under a new alert id, and the ids are the same when the same
 * input is processed again (so a receiver drops repeats by id). A subscription that does not ask is
 * alerted once per paper, also when the paper changes its id.
 */
class AlertOnUpdateTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String QUERY = "abstract:\\\"kv cache\\\"";
    private static final String TEXT = "We merge the KV cache of long-context models across adjacent layers to cut "
            + "the memory of inference by half without retraining.";

    @TempDir
    Path stateDir;

    /** NEW, then two updates of the same paper (a new version, then a new feed with a title), and one more paper. */
    private static final List<PaperEvent> INPUT = List.of(
            sighting("2508.00001", null, null, TEXT, 1),
            sighting("2508.00001", 2, null, TEXT + " Now on more models.", 2),
            sighting("2508.00001", 2, "Adaptive KV Cache Merging", TEXT + " Now on more models.", 3),
            sighting("2508.00002", null, "KV cache quantisation", "We quantise the KV cache to two bits.", 4));

    @Test
    void anUpdatedPaperAlertsAgainOnlyWhenTheSubscriptionAsksEachTimeUnderANewId() throws Exception {
        Output out = run(INPUT, stateDir.resolve("first"));

        assertEquals(List.of("arxiv:2508.00001", "arxiv:2508.00001", "arxiv:2508.00001", "arxiv:2508.00002"),
                out.paperIds("kv-updates"), "NEW, both updates, the other paper");
        assertEquals(List.of(CanonicalPaper.Change.NEW, CanonicalPaper.Change.UPDATED, CanonicalPaper.Change.UPDATED,
                CanonicalPaper.Change.NEW), out.changes("kv-updates"));
        assertEquals(4, Set.copyOf(out.alertIds("kv-updates")).size(), "every alert has an id of its own: "
                + out.alertIds("kv-updates"));

        assertEquals(List.of("arxiv:2508.00001", "arxiv:2508.00002"), out.paperIds("kv-once"),
                "without alertOnUpdate an update never alerts again");
    }

    @Test
    void alertIdsAreTheSameWhenTheSameInputIsProcessedAgain() throws Exception {
        Output first = run(INPUT, stateDir.resolve("first"));
        Output again = run(INPUT, stateDir.resolve("again"));

        assertEquals(4, first.alertIds("kv-updates").size());
        assertEquals(first.alertIds("kv-updates"), again.alertIds("kv-updates"));
        assertEquals(first.alertIds("kv-once"), again.alertIds("kv-once"));
    }

    @Test
    void updatesFromTheSameFeedItemGetIdsOfTheirOwn() throws Exception {
        // a polled feed that revises the paper where it lists it: the sources stay one item
        Output out = run(List.of(
                sighting("2508.00001", 1, null, TEXT, 1),
                sighting("2508.00001", 2, null, TEXT + " Now on more models.", 1),
                sighting("2508.00001", 3, null, TEXT + " Now on more models and tasks.", 1)),
                stateDir.resolve("same-item"));

        assertEquals(List.of(CanonicalPaper.Change.NEW, CanonicalPaper.Change.UPDATED, CanonicalPaper.Change.UPDATED),
                out.changes("kv-updates"));
        assertEquals(3, Set.copyOf(out.alertIds("kv-updates")).size(),
                "a receiver dropping repeats by id must not drop an update: " + out.alertIds("kv-updates"));
    }

    @Test
    void withoutAlertOnUpdateAPaperThatChangesItsIdIsNotAlertedTwice() throws Exception {
        String text = "Recently, the Muon optimizer based on matrix orthogonalization has shown strong results in "
                + "training small language models on a KV cache free budget, but its scalability is unproven.";
        Output out = run(List.of(
                sighting(null, null, null, "The KV cache of " + text, 1),
                sighting("2502.16982", 1, "Muon is Scalable for LLM Training", "The KV cache of " + text, 2)),
                stateDir.resolve("aliases"));

        assertEquals(2, out.alerts("kv-updates").size(), "the id change is an update: alerted again");
        List<Alert> once = out.alerts("kv-once");
        assertEquals(1, once.size(), () -> "alerts of kv-once: " + once.stream().map(a -> a.paper().id() + " " + a.paper().change()).toList());
        assertEquals(CanonicalPaper.Change.NEW, once.get(0).paper().change());
    }

    /** The alerts on {@code paperfeed.alerts} for the input, with subscriptions kv-updates and kv-once. */
    private static Output run(List<PaperEvent> input, Path state) throws Exception {
        Files.createDirectories(state);
        StreamsSettings settings = new StreamsSettings("dummy:9092", "alert-on-update-test", state, 1, null);
        try (TopologyTestDriver driver = new TopologyTestDriver(PaperFeedTopology.build(settings, new PipelineMetrics()),
                settings.toProperties())) {
            TestInputTopic<String, byte[]> subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            subscriptions.pipeInput("kv-updates", ("{\"id\":\"kv-updates\",\"query\":\"" + QUERY
                    + "\",\"alertOnUpdate\":true}").getBytes(StandardCharsets.UTF_8), T0);
            subscriptions.pipeInput("kv-once", ("{\"id\":\"kv-once\",\"query\":\"" + QUERY + "\"}")
                    .getBytes(StandardCharsets.UTF_8), T0);
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.PAPERS_RAW.name(),
                    new StringSerializer(), new ByteArraySerializer());
            for (PaperEvent e : input) {
                raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e), T0);
            }
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                    new StringDeserializer(), PaperSerdes.ALERT.deserializer());
            return new Output(alerts.readValuesToList());
        }
    }

    private record Output(List<Alert> all) {
        List<Alert> alerts(String subscription) {
            return all.stream().filter(a -> a.subscriptionId().equals(subscription)).toList();
        }

        List<String> paperIds(String subscription) {
            return alerts(subscription).stream().map(a -> a.paper().id()).toList();
        }

        List<CanonicalPaper.Change> changes(String subscription) {
            return alerts(subscription).stream().map(a -> a.paper().change()).toList();
        }

        List<String> alertIds(String subscription) {
            return alerts(subscription).stream().map(Alert::alertId).toList();
        }
    }

    private static PaperEvent sighting(String arxivId, Integer version, String title, String abstractText,
                                       int position) {
        return new PaperEvent(arxivId, version, null, title, abstractText, List.of(), List.of("cs.CL"), null, null,
                null, new Provenance("feeds/alert-on-update.txt", "test-format", position, T0));
    }
}
