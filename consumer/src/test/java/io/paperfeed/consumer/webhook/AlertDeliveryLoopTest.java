package io.paperfeed.consumer.webhook;

import static io.paperfeed.consumer.webhook.WebhookTestKit.hooked;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Alert;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class AlertDeliveryLoopTest {

    private static final String SLOW = "http://slow.example/hook";
    private static final String FAST = "http://fast.example/hook";
    private static final TopicPartition TP = new TopicPartition(WebhookTestKit.TOPICS.alerts(), 0);

    /** A mock consumer whose commits can be read while the loop runs and after it closed it. */
    private static final class Alerts extends MockConsumer<String, byte[]> {
        final Map<TopicPartition, Long> commits = new ConcurrentHashMap<>();
        private long next;

        Alerts() {
            super("earliest");
            schedulePollTask(() -> {
                rebalance(List.of(TP));
                updateBeginningOffsets(Map.of(TP, 0L));
            });
        }

        void add(Alert alert) {
            add(PaperSerdes.ALERT.serialize(TP.topic(), alert));
        }

        synchronized void add(byte[] value) {
            long offset = next++;
            schedulePollTask(() -> addRecord(new ConsumerRecord<>(TP.topic(), 0, offset, "k", value)));
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            offsets.forEach((tp, o) -> commits.put(tp, o.offset()));
        }

        long committed() {
            return commits.getOrDefault(TP, -1L);
        }
    }

    @Test
    void itPollsOnWhileAnAttemptHangsAndCommitsOnlyBelowTheUnsettledAlert() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 2, 8, List.of(hooked("slow", SLOW), hooked("fast", FAST)))) {
            kit.sender.hang(SLOW);
            Alerts consumer = new Alerts();
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 0));
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("slow", 1));
            for (int i = 2; i < 6; i++) {
                consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", i));
            }
            AlertDeliveryLoop loop = new AlertDeliveryLoop(consumer, TP.topic(), kit.view, kit.dispatcher, 1000);
            Thread thread = new Thread(loop);
            thread.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(FAST) == 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed() == 1);
            assertEquals(1, consumer.committed(), "committed up to the hanging alert, not past it");
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 6));
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(FAST) == 6);

            kit.sender.releaseAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed() == 7);
            loop.stop();
            thread.join(10_000);
            assertNull(loop.problem());
        }
    }

    @Test
    void aPartitionWithTooManyUncommittedAlertsIsPausedUntilTheyAreSettled() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 2, 8, List.of(hooked("slow", SLOW), hooked("fast", FAST)))) {
            kit.sender.hang(SLOW);
            Alerts consumer = new Alerts();
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("slow", 0));
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 1));
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 2));
            AlertDeliveryLoop loop = new AlertDeliveryLoop(consumer, TP.topic(), kit.view, kit.dispatcher, 3);
            Thread thread = new Thread(loop);
            thread.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.paused().contains(TP));
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 3));
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(2, kit.sender.callsTo(FAST), "the paused partition is not read further");

            kit.sender.releaseAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(FAST) == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed() == 4 && consumer.paused().isEmpty());
            loop.stop();
            thread.join(10_000);
        }
    }

    @Test
    void aHandOffThatFailsForGoodStopsTheLoopWithAProblemAndTheAlertUncommitted() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(false, 2, 8, List.of(hooked("fast", FAST)))) {
            kit.sender.answer(FAST, id -> SendResult.ofStatus(503, Optional.empty()));
            Alerts consumer = new Alerts();
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 0));
            AlertDeliveryLoop loop = new AlertDeliveryLoop(consumer, TP.topic(), kit.view, kit.dispatcher, 1000);
            Thread thread = new Thread(loop);
            thread.start();
            for (int tries = 1; tries <= 3; tries++) {
                int expected = tries;
                await().atMost(Duration.ofSeconds(10)).until(() -> kit.producer.history().size() == expected);
                assertTrue(kit.producer.errorNext(new TimeoutException("broker gone")));
            }
            thread.join(10_000);

            assertTrue(!thread.isAlive() && loop.problem() != null, "the loop stopped and says why");
            assertTrue(loop.problem().contains("could not be handed on"), loop.problem());
            assertTrue(consumer.committed() < 1, "the alert is delivered again after a restart");
            assertEquals(1, kit.sender.callsTo(FAST), "and was not posted again meanwhile");
        }
    }

    @Test
    void aRecordThatIsNotAnAlertIsCountedAndCommittedPast() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 2, 8, List.of(hooked("fast", FAST)))) {
            Alerts consumer = new Alerts();
            consumer.add("{not json".getBytes(StandardCharsets.UTF_8));
            consumer.add((byte[]) null);
            consumer.add(io.paperfeed.consumer.webhook.Alerts.alert("fast", 2));
            AlertDeliveryLoop loop = new AlertDeliveryLoop(consumer, TP.topic(), kit.view, kit.dispatcher, 1000);
            Thread thread = new Thread(loop);
            thread.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed() == 3);
            assertEquals(1, kit.sender.callsTo(FAST));
            assertEquals(2.0, kit.registry.get("paperfeed.webhook.unreadable").tag("topic", "alerts").counter().count());
            loop.stop();
            thread.join(10_000);
        }
    }
}
