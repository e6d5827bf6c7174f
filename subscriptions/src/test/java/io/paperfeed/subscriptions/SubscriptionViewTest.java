package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionViewTest {

    private static final String TOPIC = "subs";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SubscriptionView view;
    private long end;

    @BeforeEach
    void open() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, new Node(0, "h", 1), null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 0L));
        view = new SubscriptionView("test-view", consumer, TOPIC, SubscriptionValidator.anyTopic()).bindTo(registry);
    }

    @AfterEach
    void close() throws InterruptedException {
        view.close();
    }

    private RecordMetadata write(String key, byte[] value) {
        long offset = end++;
        consumer.updateEndOffsets(Map.of(P0, end));
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, key, value)));
        return new RecordMetadata(P0, offset, 0, 0, 0, 0);
    }

    private static byte[] bytes(Subscription s) {
        return PaperSerdes.SUBSCRIPTION.serialize(TOPIC, s);
    }

    @Test
    void itCatchesUpWithTheTopicBeforeServingAndSeesItsOwnWrites() throws InterruptedException {
        write("a", bytes(Subscription.ofQuery("a", "svd")));
        write("b", bytes(Subscription.ofQuery("b", "gan")));
        view.start();
        assertTrue(view.awaitCaughtUp(Duration.ofSeconds(10)));
        assertEquals(List.of("a", "b"), view.all().stream().map(Subscription::id).toList());

        RecordMetadata deleted = write("a", null);
        assertTrue(view.awaitPast(deleted, Duration.ofSeconds(10)));
        assertTrue(view.get("a").isEmpty());
        assertNull(view.problem());
    }

    @Test
    void anUnreadableRecordIsCountedInTheMetricAndTheViewGoesOn() throws InterruptedException {
        write("a", "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        write("b", bytes(Subscription.ofQuery("b", "gan")));
        view.start();
        assertTrue(view.awaitCaughtUp(Duration.ofSeconds(10)));

        assertEquals(1, view.unreadable());
        assertEquals(1.0, registry.get(SubscriptionView.UNREADABLE).tag("view", "test-view").functionCounter().count());
        assertTrue(view.get("b").isPresent());
    }

    @Test
    void afterCloseItsProblemSaysItStopped() throws InterruptedException {
        view.start();
        assertTrue(view.awaitCaughtUp(Duration.ofSeconds(10)));
        view.close();
        assertNotNull(view.problem());
        assertFalse(view.awaitPast(new RecordMetadata(P0, 5, 0, 0, 0, 0), Duration.ofMillis(100)));
    }
}
