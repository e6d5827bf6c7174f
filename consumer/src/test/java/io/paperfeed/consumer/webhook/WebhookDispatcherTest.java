package io.paperfeed.consumer.webhook;

import static io.paperfeed.consumer.webhook.WebhookTestKit.hooked;
import static io.paperfeed.consumer.webhook.WebhookTestKit.webhook;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Alert;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    private static final String SLOW = "http://slow.example/hook";
    private static final String FAST = "http://fast.example/hook";

    @Test
    void aRetryRecordThatCannotBeWrittenIsSentAgainWithoutPostingAgain() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(false, 2, 2, List.of(hooked("s", FAST)))) {
            kit.sender.answer(FAST, id -> SendResult.ofStatus(503, Optional.empty()));
            CompletableFuture<Void> settled = kit.dispatcher.firstAttempt(Alerts.alert("s", 1), webhook(FAST));
            await().atMost(Duration.ofSeconds(5)).until(() -> kit.producer.history().size() == 1);
            assertTrue(kit.producer.errorNext(new TimeoutException("broker gone")));
            await().atMost(Duration.ofSeconds(5)).until(() -> kit.producer.history().size() == 2);
            assertTrue(kit.producer.completeNext());

            settled.get();
            assertEquals(1, kit.sender.callsTo(FAST), "the request is made once; only the hand-off is repeated");
            WebhookRetry retry = PaperSerdes.WEBHOOK_RETRY.deserialize("t", kit.producer.history().get(1).value());
            assertEquals(2, retry.attempt());
            assertEquals("HTTP 503", retry.lastError());
        }
    }

    @Test
    void aHandOffThatKeepsFailingFailsTheAttemptSoTheCallerStops() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(false, 2, 2, List.of(hooked("s", FAST)))) {
            kit.sender.answer(FAST, id -> SendResult.ofStatus(500, Optional.empty()));
            CompletableFuture<Void> settled = kit.dispatcher.firstAttempt(Alerts.alert("s", 1), webhook(FAST));
            for (int tries = 1; tries <= 3; tries++) {
                int expected = tries;
                await().atMost(Duration.ofSeconds(5)).until(() -> kit.producer.history().size() == expected);
                assertTrue(kit.producer.errorNext(new TimeoutException("broker gone")));
            }
            await().atMost(Duration.ofSeconds(5)).until(settled::isDone);
            assertTrue(settled.isCompletedExceptionally(), "after the last try the failure is the caller's");
            assertEquals(1, kit.sender.callsTo(FAST));
        }
    }

    @Test
    void aHostWithItsSlotsAndQueueTakenDefersFirstAttemptsAndOtherHostsAreServedAtOnce() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 1, 1, List.of(hooked("slow", SLOW), hooked("fast", FAST)))) {
            kit.sender.hang(SLOW);
            CompletableFuture<Void> first = kit.dispatcher.firstAttempt(Alerts.alert("slow", 1), webhook(SLOW));
            CompletableFuture<Void> queued = kit.dispatcher.firstAttempt(Alerts.alert("slow", 2), webhook(SLOW));
            CompletableFuture<Void> deferred = kit.dispatcher.firstAttempt(Alerts.alert("slow", 3), webhook(SLOW));
            kit.dispatcher.firstAttempt(Alerts.alert("fast", 4), webhook(FAST)).get();

            deferred.get();
            assertEquals(1, kit.sent(WebhookTestKit.TOPICS.retry()).size());
            WebhookRetry retry = PaperSerdes.WEBHOOK_RETRY.deserialize("t",
                    kit.sent(WebhookTestKit.TOPICS.retry()).get(0).value());
            assertEquals(1, retry.attempt(), "deferred, not attempted: it keeps its attempt number");
            assertEquals("alert_slow_3", retry.alert().alertId());
            assertEquals(kit.clock.instant(), retry.dueAt());
            assertEquals(1.0, kit.registry.get("paperfeed.webhook.deliveries").tag("outcome", "deferred").counter()
                    .count());
            // the first attempt runs on a pool thread: wait until it reached the receiver, then count
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.sender.callsTo(SLOW) >= 1);
            assertEquals(1, kit.sender.callsTo(SLOW), "one slot for the slow host, the second waits");
            assertTrue(!first.isDone() && !queued.isDone());
            kit.sender.releaseAll();
            first.get();
            queued.get();
            assertEquals(2, kit.sender.callsTo(SLOW));
        }
    }

    @Test
    void aPermanentRejectionIsDeadLetteredOnceAndNeverPostedAgain() throws Exception {
        try (WebhookTestKit kit = new WebhookTestKit(true, 2, 2, List.of(hooked("s", FAST)))) {
            kit.sender.answer(FAST, id -> SendResult.ofStatus(400, Optional.empty()));
            Alert alert = Alerts.alert("s", 1);
            kit.dispatcher.attempt(alert, webhook(FAST), 3).get();

            assertEquals(1, kit.sender.callsTo(FAST));
            assertEquals(0, kit.sent(WebhookTestKit.TOPICS.retry()).size());
            WebhookDeadLetter letter = PaperSerdes.WEBHOOK_DEAD_LETTER.deserialize("t",
                    kit.sent(WebhookTestKit.TOPICS.deadLetters()).get(0).value());
            assertEquals("rejected", letter.reason());
            assertEquals(3, letter.attempts());
        }
    }
}
