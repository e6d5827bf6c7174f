package io.paperfeed.streams.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.DeadLetters;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records on the topics the topology reads are handed to the handlers, counted, and the records
 * after them still flow. TopologyTestDriver drops the letters of the deserialization handler (it captures
 * what processors send), so that they land on the invalid topic is checked on a real broker
 * ({@code MultiInstanceAlertsIT}); the processing handler's letters show here.
 */
class DeadLetterHandlersTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG_SHAPE = "{\"id\":\"arxiv:1\",\"color\":\"blue\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stateDir;

    @Test
    void unreadableCanonicalRecordsAreCountedAndTheNextPaperIsClassified() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = pipeline(registry)) {
            TestInputTopic<String, byte[]> canonical = driver.createInputTopic(Topics.PAPERS_CANONICAL.name(),
                    new StringSerializer(), new ByteArraySerializer());
            canonical.pipeInput("arxiv:1", NOT_JSON, T0);
            canonical.pipeInput("arxiv:2", WRONG_SHAPE, T0);
            canonical.pipeInput("content:retired", null, T0); // a tombstone is data on this compacted topic
            canonical.pipeInput("arxiv:2508.00001", PaperSerdes.CANONICAL_PAPER.serialize("t", paper()), T0);

            var classified = driver.createOutputTopic(Topics.PAPERS_CLASSIFIED.name(), new StringDeserializer(),
                    PaperSerdes.CANONICAL_PAPER.deserializer()).readKeyValuesToList();
            assertEquals(List.of("content:retired", "arxiv:2508.00001"), classified.stream().map(kv -> kv.key).toList());
            assertNull(classified.get(0).value);
            assertEquals(2.0, registry.get("paperfeed.dead.letters").tag("topic", Topics.PAPERS_CANONICAL.name())
                    .counter().count());
        }
    }

    @Test
    void anUnreadableRecordOnARepartitionTopicIsDeadLetteredToo() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = pipeline(registry)) {
            String repartition = "dead-letter-test-alerts-by-subscription-repartition";
            TestInputTopic<String, byte[]> byPaper = driver.createInputTopic(repartition, new StringSerializer(),
                    new ByteArraySerializer());
            byPaper.pipeInput("all-papers", WRONG_SHAPE, T0);
            byPaper.pipeInput("all-papers", null, T0);

            List<InvalidItem> letters = invalid(driver).readValuesToList();
            assertEquals(1, letters.size(), letters.toString());
            assertEquals("kafka:" + repartition + "/0@1", letters.get(0).source().source());
            assertEquals(DeadLetters.FAILED, letters.get(0).reason());
            assertEquals("(null value)", letters.get(0).excerpt());
            assertEquals(2.0, registry.get("paperfeed.dead.letters").tag("topic", repartition).counter().count());
        }
    }

    @Test
    void aRecordAProcessorFailsOnIsDeadLetteredAsFailedAndTheNextOneFlows() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.equals("boom")) {
                        throw new IllegalStateException("cannot handle boom");
                    }
                    return v.toUpperCase(java.util.Locale.ROOT);
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new StreamsSettings("dummy:9092", "failed-test", stateDir, 1, null).toProperties();
        String[] counted = new String[1];
        DeadLetterHandlers.configure(config, topic -> counted[0] = topic);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("a", "boom", T0);
            in.pipeInput("b", "fine", T0);

            InvalidItem letter = invalid(driver).readValue();
            assertEquals(DeadLetters.FAILED, letter.reason());
            assertEquals("kafka:in/0@0", letter.source().source());
            assertEquals("boom", letter.excerpt());
            assertTrue(letter.detail().contains("cannot handle boom"), letter.detail());
            assertEquals("FINE", driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
                    .readValue());
            assertEquals("in", counted[0]);
        }
    }

    private TopologyTestDriver pipeline(SimpleMeterRegistry registry) {
        StreamsSettings settings = new StreamsSettings("dummy:9092", "dead-letter-test", stateDir, 1, "all-papers");
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(registry);
        Properties config = settings.toProperties();
        DeadLetterHandlers.configure(config, metrics::deadLetter);
        return new TopologyTestDriver(PaperFeedTopology.build(settings, metrics), config);
    }

    private static TestOutputTopic<String, InvalidItem> invalid(TopologyTestDriver driver) {
        return driver.createOutputTopic(Topics.PAPERS_INVALID.name(), new StringDeserializer(),
                PaperSerdes.INVALID_ITEM.deserializer());
    }

    private static CanonicalPaper paper() {
        return new CanonicalPaper("arxiv:2508.00001", "2508.00001", 1, null, "KV merging",
                "We merge the KV cache of long-context models.", List.of(), List.of(), List.of(), null, null, null,
                List.of(), List.of(), List.of(new Provenance("feeds/a.txt", "test-format", 1, T0)), List.of(),
                CanonicalPaper.Change.NEW);
    }
}
