package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperFeedTopologyTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CanonicalPaper> canonical;
    private TestOutputTopic<String, CanonicalPaper> classified;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, InvalidItem> invalid;
    private TestOutputTopic<String, DedupDecision> decisions;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings("dummy:9092", "topology-test", stateDir, 1, "all-papers");
        PipelineMetrics metrics = new PipelineMetrics();
        registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        driver = new TopologyTestDriver(PaperFeedTopology.build(settings, metrics), settings.toProperties());
        raw = driver.createInputTopic(Topics.PAPERS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
        canonical = driver.createOutputTopic(Topics.PAPERS_CANONICAL.name(), new StringDeserializer(),
                PaperSerdes.CANONICAL_PAPER.deserializer());
        classified = driver.createOutputTopic(Topics.PAPERS_CLASSIFIED.name(), new StringDeserializer(),
                PaperSerdes.CANONICAL_PAPER.deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                PaperSerdes.ALERT.deserializer());
        invalid = driver.createOutputTopic(Topics.PAPERS_INVALID.name(), new StringDeserializer(),
                PaperSerdes.INVALID_ITEM.deserializer());
        decisions = driver.createOutputTopic(Topics.DEDUP_DECISIONS.name(), new StringDeserializer(),
                PaperSerdes.DEDUP_DECISION.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aSightingWithAnArxivIdBecomesACanonicalPaperKeyedByThatId() {
        PaperEvent e = sighting("2507.20534", "Kimi K2: Open Agentic Intelligence", "We introduce Kimi K2.", 1);
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), T0);

        var out = canonical.readKeyValue();
        assertEquals("arxiv:2507.20534", out.key);
        assertEquals("arxiv:2507.20534", out.value.id());
        assertEquals("2507.20534", out.value.arxivId());
        assertEquals("Kimi K2: Open Agentic Intelligence", out.value.title());
        assertEquals(List.of(e.source()), out.value.sources());
        assertEquals(CanonicalPaper.Change.NEW, out.value.change());
        CanonicalPaper withTopics = classified.readValue();
        assertEquals(out.value, withTopics.withTopics(List.of()).withEmbedding(null),
                "classified = canonical + topics + embedding");
        assertEquals("all-minilm-l6-v2-q", withTopics.embedding().model(), "no feed category: embedded");
        assertEquals(List.of("agents-tool-use"), withTopics.topics().stream().map(t -> t.id()).toList());
        assertEquals(List.of("agentic"), withTopics.topics().get(0).terms(), "why it has the topic");
        var topicStream = driver.createOutputTopic("paperfeed.topic.agents-tool-use", new StringDeserializer(),
                PaperSerdes.CANONICAL_PAPER.deserializer());
        assertEquals("arxiv:2507.20534", topicStream.readKeyValue().key, "the paper is on its topic's stream");
        assertTrue(canonical.isEmpty());
    }

    @Test
    void aSightingWithoutIdGetsAContentIdStableUnderWhitespaceAndCase() {
        PaperEvent a = sighting(null, null, "Muon is  scalable\nfor LLM training.", 1);
        PaperEvent b = sighting(null, null, "muon is scalable for LLM Training", 2);
        raw.pipeInput(a.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", a), T0);
        raw.pipeInput(b.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", b), T0);

        var first = canonical.readKeyValue();
        var second = canonical.readKeyValue();
        assertTrue(first.key.startsWith("content:"), first.key);
        assertEquals(first.key, second.key);
        assertEquals(2, second.value.sources().size());
        assertNull(first.value.title());
        assertNull(first.value.arxivId());
    }

    @Test
    void aLaterSightingOfTheSamePaperFillsInWhatWasMissingAndListsBothSources() {
        PaperEvent noTitle = sighting("2507.20534", null, "We introduce Kimi K2.", 1);
        PaperEvent titled = new PaperEvent("2507.20534", 2, null, "Kimi K2: Open Agentic Intelligence",
                "We introduce Kimi K2, revised.", List.of("Kimi Team"), List.of("cs.LG"), "tech report", null, null,
                new Provenance("seeds/other.txt", "test-format", 7, T0));
        raw.pipeInput(noTitle.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", noTitle), T0);
        raw.pipeInput(titled.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", titled), T0);

        assertEquals(CanonicalPaper.Change.NEW, canonical.readValue().change());
        CanonicalPaper merged = canonical.readValue();
        assertEquals(CanonicalPaper.Change.UPDATED, merged.change());
        assertEquals("Kimi K2: Open Agentic Intelligence", merged.title());
        assertEquals(2, merged.version());
        assertEquals("We introduce Kimi K2, revised.", merged.abstractText(), "the latest version's abstract");
        assertEquals(List.of("Kimi Team"), merged.authors());
        assertEquals(List.of(noTitle.source(), titled.source()), merged.sources());
        assertEquals(1, alerts.readRecordsToList().size(), "an update does not alert again");
    }

    @Test
    void anExactRepeatOfAnItemEmitsNothing() {
        PaperEvent e = sighting("2401.00002", "A title", "An abstract.", 1);
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), T0);
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), T0.plusSeconds(60));

        assertEquals(1, canonical.readRecordsToList().size());
        assertEquals(1, alerts.readRecordsToList().size());
        var outcomes = decisions.readValuesToList().stream().map(DedupDecision::outcome).toList();
        assertEquals(List.of(DedupDecision.Outcome.NEW, DedupDecision.Outcome.REPEAT), outcomes);
    }

    @Test
    void aSightingWithTheArxivIdJoinsThePaperFirstSeenWithoutOneAndTheOldIdIsRetired() {
        String text = "Recently, the Muon optimizer based on matrix orthogonalization has demonstrated strong results "
                + "in training small-scale language models, but the scalability to larger models has not been proven.";
        PaperEvent bare = sighting(null, null, text, 1);
        PaperEvent withId = new PaperEvent("2502.16982", 1, null, "Muon is Scalable for LLM Training",
                text.replace("matrix orthogonalization", "matrix ortho-\nnormalization"), List.of(), List.of("cs.LG"),
                null, null, null, new Provenance("seeds/api.xml", "arxiv-atom-api", 3, T0));
        raw.pipeInput(bare.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", bare), T0);
        raw.pipeInput(withId.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", withId), T0);

        var first = canonical.readKeyValue();
        assertTrue(first.key.startsWith("content:"));
        var joined = canonical.readKeyValue();
        assertEquals("arxiv:2502.16982", joined.key);
        assertEquals(List.of(first.key), joined.value.aliases());
        assertEquals(CanonicalPaper.Change.UPDATED, joined.value.change());
        var tombstone = canonical.readKeyValue();
        assertEquals(first.key, tombstone.key);
        assertNull(tombstone.value, "the content id is retired on the compacted topic");
        var decision = decisions.readRecordsToList().get(1).value();
        assertEquals(DedupDecision.Outcome.MERGED, decision.outcome());
        assertEquals("near-duplicate", decision.matchedBy());
        assertEquals(1, alerts.readRecordsToList().size(), "one alert per paper");
    }

    @Test
    void twoDifferentPapersOnTheSameNarrowTopicStayApart() {
        PaperEvent a = sighting(null, null, "Key-value (KV) caching has become a bottleneck for long-context "
                + "inference; we compress the KV cache by merging similar keys across adjacent layers.", 1);
        PaperEvent b = sighting(null, null, "Key-value (KV) caching has become a bottleneck for long-context "
                + "inference; we quantize the KV cache to two bits per value with per-channel scales.", 2);
        raw.pipeInput(a.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", a), T0);
        raw.pipeInput(b.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", b), T0);

        assertEquals(2, Set.copyOf(canonical.readKeyValuesToList().stream().map(kv -> kv.key).toList()).size());
    }

    @Test
    void everyNewPaperAlertsTheBuiltInSubscriptionWithAStableAlertId() {
        PaperEvent e = sighting("2502.16982", "Muon is Scalable for LLM Training", "Muon optimizer.", 3);
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), T0);

        var alert = alerts.readKeyValue();
        assertEquals("all-papers", alert.key);
        assertEquals("arxiv:2502.16982", alert.value.paper().id());
        // a fixed value, not the function's own result: receivers drop repeats by this id, so it must not
        // change between runs or releases (alert_ + the first 24 hex of SHA-256("all-papers\narxiv:2502.16982"))
        assertEquals("alert_a9d028ae279a2d9cbaf062eb", alert.value.alertId());
        assertEquals(1.0, registry.get("paperfeed.streams.alerts").counter().count());
    }

    @Test
    void unreadableBytesGoToTheInvalidTopicWithTheirKafkaPositionAndTheNextRecordStillFlows() {
        raw.pipeInput("junk#1", "{not json".getBytes(StandardCharsets.UTF_8), T0);
        raw.pipeInput("empty#1", "{\"abstract\":\"\",\"source\":null}".getBytes(StandardCharsets.UTF_8), T0);
        PaperEvent ok = sighting("2401.00001", null, "Still flows.", 4);
        raw.pipeInput(ok.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", ok), T0);

        var bad = invalid.readKeyValue();
        assertEquals("junk#1", bad.key);
        assertEquals(SightingDecoder.REASON_UNREADABLE, bad.value.reason());
        assertEquals("streams", bad.value.stage());
        assertEquals("kafka:paperfeed.papers.raw/0@0", bad.value.source().source());
        assertEquals("{not json", bad.value.excerpt());
        assertEquals("empty#1", invalid.readKeyValue().key);
        assertEquals("arxiv:2401.00001", canonical.readKeyValue().key);
        assertEquals(2.0, registry.get("paperfeed.invalid.items").tag("reason", "unreadable-event").counter().count());
    }

    @Test
    void aSubscriptionAlertsOncePerPaperWithWhyItMatchedAndTakesEffectWithoutARestart() {
        var subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
        subscriptions.pipeInput("kv-watch", ("{\"id\":\"kv-watch\",\"query\":\"abstract:\\\"kv cache\\\"\","
                + "\"topics\":[\"kv-cache\"]}").getBytes(StandardCharsets.UTF_8), T0);
        subscriptions.pipeInput("broken", "{\"id\":\"broken\"}".getBytes(StandardCharsets.UTF_8), T0);
        PaperEvent kv = sighting("2508.00001", "Adaptive KV Cache Merging",
                "We merge the KV cache of long-context models to cut memory.", 1);
        raw.pipeInput(kv.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", kv), T0);

        List<Alert> kvAlerts = alerts.readValuesToList().stream()
                .filter(a -> a.subscriptionId().equals("kv-watch")).toList();
        assertEquals(1, kvAlerts.size());
        assertEquals(List.of("kv-cache"), kvAlerts.get(0).topics(), "the paper's topics the subscription named");
        assertTrue(kvAlerts.get(0).terms().contains("kv cache"), kvAlerts.get(0).terms().toString());

        PaperEvent update = new PaperEvent("2508.00001", 2, null, "Adaptive KV Cache Merging",
                "We merge the KV cache of long-context models to cut memory, now with more models.", List.of(),
                List.of("cs.CL"), null, null, null, new Provenance("seeds/api.xml", "arxiv-atom-api", 9, T0));
        raw.pipeInput(update.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", update), T0);
        List<CanonicalPaper> matched = classified.readValuesToList();
        assertEquals(CanonicalPaper.Change.UPDATED, matched.get(matched.size() - 1).change(),
                "the update reached the subscriptions");
        assertTrue(alerts.readValuesToList().stream().noneMatch(a -> a.subscriptionId().equals("kv-watch")),
                "an update of an alerted paper does not alert again by default");

        subscriptions.pipeInput("kv-watch", null, T0);
        PaperEvent another = sighting("2508.00002", "KV cache quantisation", "We quantise the KV cache to 2 bits.", 3);
        raw.pipeInput(another.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", another), T0);
        List<Alert> afterDelete = alerts.readValuesToList();
        assertEquals(List.of("all-papers"), afterDelete.stream().map(Alert::subscriptionId).toList(),
                "the new KV paper alerts the built-in subscription, and a deleted subscription no more");
    }

    private static PaperEvent sighting(String arxivId, String title, String abstractText, int position) {
        return new PaperEvent(arxivId, null, null, title, abstractText, List.of(), List.of(), null, null, null,
                new Provenance("seeds/test.txt", "test-format", position, T0));
    }

    @Test
    void aPaperWithoutCategoriesGetsPredictedOnesUntilAFeedGivesItsCategories() {
        String title = "k-means Mask Transformer for Panoptic Segmentation";
        String vision = "Panoptic segmentation unifies semantic and instance segmentation of images. We propose a "
                + "mask transformer whose object queries attend to pixel features by k-means clustering, and reach "
                + "state-of-the-art panoptic quality on COCO, Cityscapes and ADE20K with a ResNet or ConvNeXt "
                + "backbone, without test-time augmentation. Code and models are available.";
        PaperEvent bare = sighting(null, title, vision, 1);
        PaperEvent listed = new PaperEvent("2207.04044", null, null, title, vision, List.of(), List.of("cs.CV"),
                null, null, null, new Provenance("seeds/api.xml", "arxiv-atom-api", 1, T0));
        raw.pipeInput(bare.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", bare), T0);
        raw.pipeInput(listed.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", listed), T0);

        var out = classified.readKeyValuesToList();
        CanonicalPaper predicted = out.get(0).value;
        assertEquals(List.of(), predicted.categories());
        assertEquals("cs.CV", predicted.predictedCategories().get(0).category(), predicted.toString());
        assertTrue(predicted.predictedCategories().size() <= 3);
        CanonicalPaper listedPaper = out.get(1).value;
        assertEquals("arxiv:2207.04044", listedPaper.id());
        assertEquals(List.of("cs.CV"), listedPaper.categories());
        assertEquals(List.of(), listedPaper.predictedCategories(), "a feed's categories are never second-guessed");
        List<CanonicalPaper> fromDedup = canonical.readValuesToList().stream().filter(p -> p != null).toList();
        assertEquals(2, fromDedup.size());
        assertTrue(fromDedup.stream().allMatch(p -> p.predictedCategories().isEmpty()),
                "predictions are made by classify, not dedup");
    }
}
