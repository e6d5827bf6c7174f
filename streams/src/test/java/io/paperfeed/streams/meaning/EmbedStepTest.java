package io.paperfeed.streams.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.embeddings.PaperText;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embed step in the whole topology (TopologyTestDriver): once per text version, topics by meaning, profiles. */
class EmbedStepTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String KAN_TITLE = "Activation Space Selectable Kolmogorov-Arnold Networks";
    private static final String KAN = "The multilayer perceptron is the basis of most neural networks. Kolmogorov-Arnold "
            + "networks place learnable univariate functions on the edges instead of fixed activations on the nodes; "
            + "we let each layer choose among several function spaces and improve accuracy on function fitting.";
    private static final String KV = "We compress the key-value cache of large language models by merging similar "
            + "keys across adjacent tokens, which cuts the memory of long-context inference by half.";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CanonicalPaper> classified;
    private TestOutputTopic<String, Alert> alerts;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** The settings every test runs on (matching not sharded). */
    StreamsSettings settings(Path stateDir) {
        return new StreamsSettings("dummy:9092", "embed-test", stateDir, 1, null);
    }

    private void start(EmbeddingMode mode) {
        StreamsSettings settings = settings(stateDir).withEmbeddings(mode);
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(registry);
        driver = new TopologyTestDriver(PaperFeedTopology.build(settings, metrics), settings.toProperties());
        raw = driver.createInputTopic(Topics.PAPERS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
        classified = driver.createOutputTopic(Topics.PAPERS_CLASSIFIED.name(), new StringDeserializer(),
                PaperSerdes.CANONICAL_PAPER.deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), PaperSerdes.ALERT.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String arxivId, String title, String abstractText, List<String> categories, String source) {
        PaperEvent e = new PaperEvent(arxivId, null, null, title, abstractText, List.of(), categories, null, null, null,
                List.of(), new Provenance(source, "test-format", 1, T0));
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize("t", e), T0);
    }

    private double count(String outcome) {
        return registry.counter("paperfeed.papers.embeddings", "outcome", outcome).count();
    }

    @Test
    void aPaperIsEmbeddedOncePerVersionOfItsText() {
        start(EmbeddingMode.ALWAYS);
        send("2507.00001", "KV merging", KV, List.of("cs.CL"), "feed-a");
        CanonicalPaper first = classified.readValue();
        assertEquals(MiniLmEmbedder.MODEL_ID, first.embedding().model());
        send("2507.00001", "KV merging", KV, List.of("cs.CL", "cs.LG"), "feed-b"); // another feed, same text
        CanonicalPaper updated = classified.readValue();
        assertEquals(CanonicalPaper.Change.UPDATED, updated.change());
        assertEquals(first.embedding(), updated.embedding());
        assertEquals(1.0, count("computed"));
        assertEquals(1.0, count("reused"));
        float[] exact = MiniLmEmbedder.shared().embed(PaperText.of("KV merging", KV));
        float[] carried = first.embedding().values();
        double dot = 0;
        for (int i = 0; i < exact.length; i++) {
            dot += exact[i] * carried[i];
        }
        assertEquals(1.0, dot, 0.003, "the carried embedding is the model's, quantized");
    }

    @Test
    void aPaperNoTopicQueryMatchesGetsItsNearestTopicsByMeaning() {
        start(EmbeddingMode.NEEDED);
        send("2507.00002", KAN_TITLE, KAN, List.of("cs.LG"), "feed-a");
        CanonicalPaper paper = classified.readValue();
        assertFalse(paper.topics().isEmpty());
        for (TopicMatch t : paper.topics()) {
            assertEquals(TopicMatch.By.MEANING, t.by());
            assertTrue(t.terms().isEmpty());
            assertTrue(t.score() > 0 && t.score() <= 1, "a cosine similarity: " + t.score());
        }
    }

    @Test
    void whenNeededOnlyAPaperWithTopicsAndACategoryAndNoProfileIsNotEmbedded() {
        start(EmbeddingMode.NEEDED);
        send("2507.00001", "KV cache merging", KV, List.of("cs.CL"), "feed-a");
        CanonicalPaper paper = classified.readValue();
        assertNull(paper.embedding(), "topics by query, an arXiv category, no profile: nothing needs it");
        assertTrue(paper.topics().stream().allMatch(t -> t.by() == TopicMatch.By.QUERY));
        assertEquals(1.0, count("skipped"));
        send("2507.00003", "KV cache merging, again", KV + " Without a category.", List.of(), "feed-a");
        CanonicalPaper uncategorised = classified.readValue();
        assertNotNull(uncategorised.embedding(), "no arXiv category: embedded, and its categories predicted from it");
        assertFalse(uncategorised.predictedCategories().isEmpty());
    }

    @Test
    void anUnreadableRatingIsSkippedAndStopsNothing() {
        start(EmbeddingMode.NEEDED);
        TestInputTopic<String, byte[]> feedback = driver.createInputTopic(Topics.FEEDBACK.name(), new StringSerializer(),
                new ByteArraySerializer());
        feedback.pipeInput("kan-like|arxiv:1", "not a rating".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        feedback.pipeInput("wrong-key", PaperSerdes.RATING.serialize("t", new Rating("kan-like", "arxiv:1", 1, null,
                MiniLmEmbedder.shared().embedding("x"), T0)));
        send("2507.00002", KAN_TITLE, KAN, List.of("cs.LG"), "feed-a");
        assertFalse(classified.readValue().topics().isEmpty(), "the pipeline goes on");
    }

    @Test
    void aLikeSubscriptionAlertsWithItsReasonsAndARatingChangesTheNextMatch() {
        start(EmbeddingMode.NEEDED);
        TestInputTopic<String, Subscription> subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(),
                new StringSerializer(), PaperSerdes.SUBSCRIPTION.serializer());
        TestInputTopic<String, Rating> feedback = driver.createInputTopic(Topics.FEEDBACK.name(), new StringSerializer(),
                PaperSerdes.RATING.serializer());
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        Subscription like = Subscription.ofLike("kan-like", List.of(
                new LikeItem("arxiv:2404.19756", "KAN: Kolmogorov-Arnold Networks", null, model.embedding(
                        "KAN: Kolmogorov-Arnold Networks. Inspired by the Kolmogorov-Arnold representation theorem, we "
                                + "propose Kolmogorov-Arnold Networks (KANs) as alternatives to multi-layer perceptrons: "
                                + "learnable activation functions on edges.")),
                new LikeItem(null, "KAN 2.0", null, model.embedding("KAN 2.0: Kolmogorov-Arnold Networks meet science. "
                        + "We use KANs with learnable univariate functions for symbolic regression and physics."))));
        subscriptions.pipeInput("kan-like", like);
        send("2507.00002", KAN_TITLE, KAN, List.of("cs.LG"), "feed-a");
        send("2507.00001", "KV cache merging", KV, List.of("cs.CL"), "feed-a");
        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of("arxiv:2507.00002"), out.stream().map(a -> a.paper().id()).toList(), "the KAN paper only");
        Alert alert = out.get(0);
        assertEquals("kan-like", alert.subscriptionId());
        assertNotNull(alert.similarTo());
        assertEquals("arxiv:2404.19756", alert.similarTo().closest().get(0).paper());
        assertNotNull(alert.paper().embedding(), "a profile exists: every paper is embedded");

        CanonicalPaper kan = classified.readValuesToList().get(0);
        Rating no = new Rating("kan-like", kan.id(), -1, kan.title(), kan.embedding(), T0);
        for (int i = 0; i < 3; i++) {
            feedback.pipeInput(no.key(), no);
        }
        send("2507.00004", KAN_TITLE, KAN + " A second version of the same study.", List.of("cs.LG"), "feed-b");
        List<Alert> after = alerts.readValuesToList();
        assertTrue(after.isEmpty() || after.get(0).similarTo().score() < alert.similarTo().score() - 0.02,
                "rated 'not this': its near copy scores lower (" + alert.similarTo().score() + " before, "
                        + after.stream().map(a -> a.similarTo().score()).toList() + " after)");
    }
}
