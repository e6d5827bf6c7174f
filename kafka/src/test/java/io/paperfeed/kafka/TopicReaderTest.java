package io.paperfeed.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicReaderTest {

    private static final String TOPIC = "things";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> ends = new HashMap<>(Map.of(P0, 0L, P1, 0L));
    private TopicReader reader;

    @AfterEach
    void close() throws InterruptedException {
        if (reader != null) {
            reader.close();
        }
    }

    private void topicExists() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(ends);
    }

    /** A record on the topic: added once the reader has assigned itself, and counted in the end offsets. */
    private void write(TopicPartition partition, long offset, String value) {
        ends.merge(partition, offset + 1, Math::max);
        consumer.updateEndOffsets(ends);
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, partition.partition(), offset,
                "k" + offset, value.getBytes(StandardCharsets.UTF_8))));
    }

    private TopicReader start(TopicReader.StartPosition start, TopicReader.RecordHandler handler) {
        reader = new TopicReader("test-reader", consumer, List.of(TOPIC), start, handler).start();
        return reader;
    }

    private TopicReader.RecordHandler collect() {
        return r -> handled.add(r.partition() + ":" + new String(r.value(), StandardCharsets.UTF_8));
    }

    @Test
    void catchUpHandlesEverythingOnTheTopicsInOffsetOrderPerPartition() throws InterruptedException {
        topicExists();
        write(P0, 0, "a");
        write(P1, 0, "b");
        write(P0, 1, "c");
        start(TopicReader.StartPosition.beginning(), collect());

        assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals(List.of("0:a", "1:b", "0:c"), handled);
        assertTrue(reader.caughtUpAsOf().isAfter(java.time.Instant.MIN));
    }

    @Test
    void catchUpWaitsForARecordThatIsOnTheTopicButNotReadYet() throws InterruptedException {
        topicExists();
        write(P0, 0, "a");
        ends.put(P0, 2L); // a second record is on the topic, not yet delivered to the consumer
        consumer.updateEndOffsets(ends);
        start(TopicReader.StartPosition.beginning(), collect());

        assertFalse(reader.awaitCaughtUp(Duration.ofMillis(600)));
        write(P0, 1, "b");
        assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals(List.of("0:a", "0:b"), handled);
    }

    @Test
    void awaitPastReturnsOnceTheRecordAtThatOffsetWasHandled() throws InterruptedException {
        topicExists();
        start(TopicReader.StartPosition.beginning(), collect());
        assertFalse(reader.awaitPast(P1, 0, Duration.ofMillis(400)));

        write(P1, 0, "x");
        assertTrue(reader.awaitPast(P1, 0, Duration.ofSeconds(10)));
        assertEquals(List.of("1:x"), handled);
    }

    @Test
    void aRecordItsHandlerRefusesIsSkippedAndTheNextOnesAreStillHandled() throws InterruptedException {
        topicExists();
        write(P0, 0, "poison");
        write(P0, 1, "fine");
        start(TopicReader.StartPosition.beginning(), r -> {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            if (value.equals("poison")) {
                throw new IllegalArgumentException("unreadable");
            }
            handled.add(value);
        });

        assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals(List.of("fine"), handled);
        assertTrue(reader.running());
    }

    @Test
    void aTopicThatDoesNotExistYetIsWaitedFor() throws InterruptedException {
        start(TopicReader.StartPosition.beginning(), collect());
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.problem() != null);
        assertTrue(reader.problem().contains("does not exist"), reader.problem());

        topicExists();
        write(P0, 0, "late");
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("0:late"));
        assertNull(reader.problem());
    }

    @Test
    void aKafkaErrorIsReportedAndReadingResumesAfterIt() throws InterruptedException {
        topicExists();
        start(TopicReader.StartPosition.beginning(), collect());
        assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(10)));

        consumer.setPollException(new KafkaException("broker went away"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.problem() != null);
        assertTrue(reader.problem().contains("broker went away"));
        write(P0, 0, "after");
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("0:after"));
        assertNull(reader.problem());
        assertTrue(reader.running());
    }

    @Test
    void lastStartsEachPartitionThatManyRecordsBeforeItsEnd() throws InterruptedException {
        topicExists();
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        ends.put(P0, 5L);
        ends.put(P1, 1L);
        consumer.updateEndOffsets(ends);
        start(TopicReader.StartPosition.last(2), collect());
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.awaitPast(P1, -1, Duration.ofMillis(10)));
        // the consumer was positioned 2 before the end of p0 and at the start of the short p1
        assertEquals(3L, consumer.position(P0));
        assertEquals(0L, consumer.position(P1));
    }

    @Test
    void afterCloseTheReaderIsStoppedAndACatchUpIsRefused() throws InterruptedException {
        topicExists();
        start(TopicReader.StartPosition.beginning(), collect());
        assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(10)));
        reader.close();

        assertFalse(reader.running());
        assertTrue(consumer.closed());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader.awaitCaughtUp(Duration.ofSeconds(5)));
        assertNotNull(e.getMessage());
    }
}
