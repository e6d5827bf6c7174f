package io.paperfeed.consumer.webhook;

import static io.paperfeed.consumer.webhook.WebhookTestKit.hooked;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryWorkerTest {

    private static final TopicPartition P0 = new TopicPartition(WebhookTestKit.TOPICS.retry(), 0);
    private static final TopicPartition P1 = new TopicPartition(WebhookTestKit.TOPICS.retry(), 1);
    private static final String SLOW = "http://slow.example/hook";

    private final List<Thread> threads = new ArrayList<>();
    private final List<RetryWorker<WebhookRetry>> workers = new ArrayList<>();

    /** The retry topic: records are added before the worker starts; commits readable at any time. */
    private static final class RetryTopic extends MockConsumer<String, byte[]> {
        final Map<TopicPartition, Long> commits = new ConcurrentHashMap<>();

        RetryTopic(Map<TopicPartition, List<byte[]>> records) {
            super("earliest");
            schedulePollTask(() -> {
                Map<TopicPartition, Long> begin = new java.util.HashMap<>();
                Map<TopicPartition, Long> end = new java.util.HashMap<>();
                records.forEach((tp, values) -> {
                    begin.put(tp, 0L);
                    end.put(tp, (long) values.size());
                });
                updateBeginningOffsets(begin);
                updateEndOffsets(end);
                rebalance(List.copyOf(records.keySet()));
                records.forEach((tp, values) -> {
                    for (int i = 0; i < values.size(); i++) {
                        addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), i, "k", values.get(i)));
                    }
                });
            });
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            offsets.forEach((tp, o) -> commits.put(tp, o.offset()));
        }

        long committed(TopicPartition tp) {
            return commits.getOrDefault(tp, -1L);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        workers.forEach(RetryWorker::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    private RetryWorker<WebhookRetry> start(WebhookTestKit kit, RetryTopic consumer, int maxPending, int maxInFlight) {
        RetryWorker<WebhookRetry> worker = new RetryWorker<>(consumer, P0.topic(), new WebhookRetries(kit.view,
                kit.dispatcher), new DeadLetterWriter(kit.producer, "webhooks", kit.registry), kit.clock, maxPending,
                maxInFlight);
        Thread thread = new Thread(worker);
        thread.start();
        threads.add(thread);
        workers.add(worker);
        return worker;
    }

    private static byte[] retry(WebhookTestKit kit, String subscription, int n, String url, Duration dueIn) {
        WebhookRetry retry = new WebhookRetry(Alerts.alert(subscription, n), url, 2, kit.clock.instant().plus(dueIn),
                "HTTP 503");
        return PaperSerdes.WEBHOOK_RETRY.serialize("t", retry);
    }

    private static String url(int host) {
        return "http://host" + host + ".example/hook";
    }

    @Test
    void retriesAreAttemptedInDueTimeOrderNotInOffsetOrder() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 4, 8, List.of(hooked("s", url(1))))) {
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of(retry(kit, "s", 30, url(1), Duration.ofSeconds(30)),
                    retry(kit, "s", 10, url(1), Duration.ofSeconds(10)),
                    retry(kit, "s", 20, url(1), Duration.ofSeconds(20)))));
            RetryWorker<WebhookRetry> worker = start(kit, consumer, 100, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.pending() == 3);
            assertEquals(List.of(), kit.sender.calls, "nothing is due yet");

            kit.clock.advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.calls.size() == 3);
            assertEquals(List.of(url(1) + " alert_s_10", url(1) + " alert_s_20", url(1) + " alert_s_30"),
                    kit.sender.calls);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed(P0) == 3);
        }
    }

    @Test
    void noMoreThanMaxInFlightAttemptsRunAtOnce() throws Exception {
        List<io.paperfeed.model.Subscription> subscriptions = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        try (WebhookTestKit probe = new WebhookTestKit(true, 1, 1, List.of())) {
            for (int i = 0; i < 5; i++) {
                subscriptions.add(hooked("s" + i, url(i)));
                records.add(retry(probe, "s" + i, i, url(i), Duration.ZERO));
            }
        }
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, subscriptions)) {
            for (int i = 0; i < 5; i++) {
                kit.sender.hang(url(i));
            }
            RetryTopic consumer = new RetryTopic(Map.of(P0, records));
            RetryWorker<WebhookRetry> worker = start(kit, consumer, 100, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.calls.size() == 2);
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(2, kit.sender.maxRunning.get());
            assertEquals(2, worker.inFlight());
            kit.sender.releaseAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.calls.size() == 5);
            assertEquals(2, kit.sender.maxRunning.get());
        }
    }

    @Test
    void theWorkerPausesItsPartitionsAtThePendingCap() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("s", url(1))))) {
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of(retry(kit, "s", 1, url(1), Duration.ofHours(1)),
                    retry(kit, "s", 2, url(1), Duration.ofHours(1)), retry(kit, "s", 3, url(1), Duration.ofHours(1)))));
            RetryWorker<WebhookRetry> worker = start(kit, consumer, 2, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.paused().contains(P0));
            assertTrue(worker.pending() >= 2);

            kit.clock.advance(Duration.ofHours(2));
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.calls.size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.paused().isEmpty());
        }
    }

    @Test
    void aRetryWhoseSubscriptionIsGoneIsDeadLetteredAsOrphanedWithoutARequest() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("s", url(1))))) {
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of(retry(kit, "deleted", 1, url(1), Duration.ZERO),
                    retry(kit, "s", 2, url(9), Duration.ZERO))));
            start(kit, consumer, 100, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed(P0) == 2);

            assertEquals(List.of(), kit.sender.calls);
            List<WebhookDeadLetter> letters = kit.sent(WebhookTestKit.TOPICS.deadLetters()).stream()
                    .map(r -> PaperSerdes.WEBHOOK_DEAD_LETTER.deserialize("t", r.value())).toList();
            assertEquals(List.of("orphaned", "orphaned"), letters.stream().map(WebhookDeadLetter::reason).toList());
            assertTrue(letters.get(1).lastError().contains("no longer has this webhook"), letters.get(1).lastError());
        }
    }

    @Test
    void aHostWithoutAFreeSlotDoesNotHoldUpTheDueRetriesOfOtherHosts() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("slow", SLOW), hooked("s", url(1))))) {
            kit.sender.hang(SLOW);
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of(retry(kit, "slow", 1, SLOW, Duration.ofSeconds(-3)),
                    retry(kit, "slow", 2, SLOW, Duration.ofSeconds(-2)), retry(kit, "s", 3, url(1), Duration.ZERO))));
            RetryWorker<WebhookRetry> worker = start(kit, consumer, 100, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(url(1)) == 1);
            assertEquals(1, kit.sender.callsTo(SLOW), "the second slow one waits for its host, not in flight");
            assertEquals(1, worker.inFlight());

            kit.sender.releaseAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(SLOW) == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed(P0) == 3);
        }
    }

    @Test
    void aRevokedPartitionCommitsItsLowestUnsettledOffsetAndItsRetriesAreNotMadeHere() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("s", url(1))))) {
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of(retry(kit, "s", 1, url(1), Duration.ZERO),
                    retry(kit, "s", 2, url(1), Duration.ofMinutes(10))), P1, List.of()));
            RetryWorker<WebhookRetry> worker = start(kit, consumer, 100, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.calls.size() == 1 && worker.pending() == 1);
            consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.pending() == 0);

            assertEquals(1, consumer.committed(P0), "the settled first one is committed, the second is not");
            kit.clock.advance(Duration.ofHours(1));
            await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(1, kit.sender.calls.size(), "the partition's next owner makes the second attempt");
            assertNull(worker.problem());
        }
    }

    @Test
    void aRecordThatIsNotARetryIsDeadLetteredAndCommittedPast() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("s", url(1))))) {
            RetryTopic consumer = new RetryTopic(Map.of(P0, List.of("{not json".getBytes(StandardCharsets.UTF_8),
                    retry(kit, "s", 2, url(1), Duration.ZERO))));
            start(kit, consumer, 100, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed(P0) == 2);

            InvalidItem letter = PaperSerdes.INVALID_ITEM.deserialize("t",
                    kit.sent(Topics.PAPERS_INVALID.name()).get(0).value());
            assertEquals("kafka:" + P0.topic() + "/0@0", letter.source().source());
            assertEquals("webhooks", letter.stage());
            assertEquals(1, kit.sender.calls.size(), "the retry after it is made");
            assertEquals(1.0, kit.registry.get("paperfeed.dead.letters").tag("topic", P0.topic()).counter().count());
        }
    }

}
