package io.paperfeed.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.topics.Topics;
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
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AlertConsumerTest {

    private static final TopicPartition TP = new TopicPartition(Topics.ALERTS.name(), 0);

    @Test
    void commitsOnlyAfterEveryAlertOfTheBatchWasDelivered() {
        RecordingConsumer mock = mockWith(alert("2501.00001"), alert("2501.00002"));
        List<String> seen = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<AlertConsumer> self = new AtomicReference<>();
        AlertConsumer consumer = new AlertConsumer(mock, a -> {
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
        AlertConsumer consumer = new AlertConsumer(mock, a -> {
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
        AlertConsumer consumer = new AlertConsumer(mock, a -> {
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
    private static final class RecordingConsumer extends MockConsumer<String, Alert> {
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

    private static RecordingConsumer mockWith(Alert... alerts) {
        RecordingConsumer mock = new RecordingConsumer();
        mock.schedulePollTask(() -> {
            mock.rebalance(List.of(TP));
            Map<TopicPartition, Long> begin = new HashMap<>();
            begin.put(TP, 0L);
            mock.updateBeginningOffsets(begin);
            mock.seek(TP, 0);
            long offset = 0;
            for (Alert a : alerts) {
                mock.addRecord(new ConsumerRecord<>(TP.topic(), 0, offset++, a.subscriptionId(), a));
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
