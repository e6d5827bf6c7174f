package io.paperfeed.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Alert;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AlertConsumerTest {

    private static final TopicPartition TP = new TopicPartition(Topics.ALERTS.name(), 0);

    @Test
    void commitsOnlyAfterEveryAlertOfTheBatchWasDelivered() {
        RecordingConsumer mock = mockWith(alert("2501.00001"), alert("2501.00002"));
        List<String> seen = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<AlertConsumer> self = new AtomicReference<>();
        AlertConsumer consumer = new AlertConsumer(mock, producer(), a -> {
            assertEquals(null, mock.lastCommit, "nothing committed while the batch is being delivered");
            seen.add(a.paper().id());
            if (seen.size() == 2) {
                self.get().close();
            }
        }, registry);
        self.set(consumer);
        consumer.run();

        assertEquals(List.of("arxiv:2501.00001", "arxiv:2501.00002"), seen);
        assertEquals(2, mock.lastCommit.get(TP).offset());
        assertEquals(2.0, registry.get("paperfeed.consumer.alerts").tag("outcome", "delivered").counter().count());
        assertEquals(2, registry.get("paperfeed.alert.latency").timer().count());
    }

    @Test
    void lagIsTheAlertsNotYetReadAsOfTheLastPoll() {
        RecordingConsumer mock = mockWith(alert("2501.00001"), alert("2501.00002"));
        mock.updateEndOffsets(Map.of(TP, 5L));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<AlertConsumer> self = new AtomicReference<>();
        AlertConsumer consumer = new AlertConsumer(mock, producer(), a -> {
            if (a.paper().id().endsWith("2")) {
                self.get().close();
            }
        }, registry);
        self.set(consumer);
        consumer.run();
        assertEquals(3.0, registry.get("paperfeed.consumer.lag").gauge().value(), "end offset 5, position 2");
    }

    @Test
    void aFailingSinkStopsTheLoopWithoutCommitting() {
        RecordingConsumer mock = mockWith(alert("2501.00001"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertConsumer consumer = new AlertConsumer(mock, producer(), a -> {
            throw new IllegalStateException("receiver down");
        }, registry);
        consumer.run();

        assertTrue(mock.closed());
        assertEquals(null, mock.lastCommit);
        assertEquals(1.0, registry.get("paperfeed.consumer.alerts").tag("outcome", "failed").counter().count());
        assertEquals(0.0, registry.get("paperfeed.consumer.alerts").tag("outcome", "delivered").counter().count());
        assertTrue(consumer.problem().contains("receiver down"), "health and the command's exit say why: "
                + consumer.problem());
        assertTrue(Double.isNaN(registry.get("paperfeed.consumer.lag").gauge().value()), "no stale lag");
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirPositionCountedAndCommittedPast() {
        RecordingConsumer mock = mockWith("{not json".getBytes(StandardCharsets.UTF_8), null,
                "{\"alertId\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                PaperSerdes.ALERT.serialize(TP.topic(), alert("2501.00001")));
        MockProducer<String, byte[]> producer = producer();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> seen = new ArrayList<>();
        AtomicReference<AlertConsumer> self = new AtomicReference<>();
        AlertConsumer consumer = new AlertConsumer(mock, producer, a -> {
            seen.add(a.paper().id());
            self.get().close();
        }, registry);
        self.set(consumer);
        consumer.run();

        assertEquals(List.of("arxiv:2501.00001"), seen, "the alert after the poison is delivered");
        assertEquals(4, mock.lastCommit.get(TP).offset(), "committed past the poison");
        List<InvalidItem> letters = producer.history().stream()
                .map(r -> PaperSerdes.INVALID_ITEM.deserialize(r.topic(), r.value())).toList();
        assertEquals(List.of("kafka:paperfeed.alerts/0@0", "kafka:paperfeed.alerts/0@1", "kafka:paperfeed.alerts/0@2"),
                letters.stream().map(l -> l.source().source()).toList());
        assertTrue(producer.history().stream().allMatch(r -> r.topic().equals(Topics.PAPERS_INVALID.name())));
        assertEquals("{not json", letters.get(0).excerpt());
        assertEquals("consumer", letters.get(0).stage());
        assertEquals(3.0, registry.get("paperfeed.dead.letters").tag("topic", TP.topic()).counter().count());
        assertEquals(null, consumer.problem());
    }

    @Test
    void aDeadLetterThatCannotBeWrittenStopsTheLoopWithoutCommittingAndSaysWhy() {
        RecordingConsumer mock = mockWith("{not json".getBytes(StandardCharsets.UTF_8));
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        AlertConsumer consumer = new AlertConsumer(mock, producer, a -> { }, new SimpleMeterRegistry());
        Thread loop = new Thread(consumer);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        assertTrue(producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !loop.isAlive());

        assertEquals(null, mock.lastCommit);
        assertTrue(consumer.problem().contains("could not be written"), consumer.problem());
    }

    @Test
    void alertLineShowsSubscriptionChangeIdAndTitleOrTheAbstractStart() {
        assertEquals("[all-papers] NEW arxiv:2501.00001  A title  (topics: -; 1 source)",
                AlertLine.format(alert("2501.00001")));
        PaperEvent untitled = new PaperEvent(null, null, null, null, "An abstract\nwith breaks.", null, null, null,
                null, null, new Provenance("s", "f", 1, Instant.EPOCH));
        Alert a = new Alert("alert_x", "all-papers", CanonicalPaper.firstSighting("content:abc", untitled),
                List.of(), List.of(), Instant.EPOCH);
        assertEquals("[all-papers] NEW content:abc  \"An abstract with breaks.\"  (topics: -; 1 source)",
                AlertLine.format(a));
    }

    /** A mock consumer that remembers what was committed, readable after it is closed. */
    private static final class RecordingConsumer extends MockConsumer<String, byte[]> {
        private volatile Map<TopicPartition, OffsetAndMetadata> lastCommit;

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync() {
            super.commitSync();
            lastCommit = committed(Set.of(TP));
        }
    }

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static RecordingConsumer mockWith(Alert... alerts) {
        byte[][] values = new byte[alerts.length][];
        for (int i = 0; i < alerts.length; i++) {
            values[i] = PaperSerdes.ALERT.serialize(TP.topic(), alerts[i]);
        }
        return mockWith(values);
    }

    private static RecordingConsumer mockWith(byte[]... values) {
        RecordingConsumer mock = new RecordingConsumer();
        mock.schedulePollTask(() -> {
            mock.rebalance(List.of(TP));
            Map<TopicPartition, Long> begin = new HashMap<>();
            begin.put(TP, 0L);
            mock.updateBeginningOffsets(begin);
            mock.seek(TP, 0);
            long offset = 0;
            for (byte[] value : values) {
                mock.addRecord(new ConsumerRecord<>(TP.topic(), 0, offset++, "all-papers", value));
            }
        });
        return mock;
    }

    private static Alert alert(String arxivId) {
        PaperEvent e = new PaperEvent(arxivId, 1, null, "A title", "An abstract.", null, null, null, null, null,
                new Provenance("seeds/x.txt", "f", 1, Instant.EPOCH));
        return new Alert("alert_" + arxivId, "all-papers", CanonicalPaper.firstSighting("arxiv:" + arxivId, e),
                List.of(), List.of(), Instant.EPOCH);
    }
}
