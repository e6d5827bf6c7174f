package io.paperfeed.consumer.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.webhook.ScriptedReceiver.Answer;
import io.paperfeed.consumer.webhook.ScriptedReceiver.Request;
import io.paperfeed.model.Alert;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Delivery;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhook delivery end to end: a real broker, the real HTTP client, a scripted receiver on 127.0.0.1. */
@ExtendWith(KafkaBrokerExtension.class)
class WebhookDeliveryIT {

    private static final RetrySchedule FAST = new RetrySchedule(List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofSeconds(1),
            Duration.ofSeconds(1)), 0.1);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String bootstrap;
    private final List<SubscriptionView> views = new ArrayList<>();
    private WebhookKafka kafka;
    private ScriptedReceiver receiver;

    WebhookDeliveryIT(KafkaBroker broker) {
        this.bootstrap = broker.bootstrapServers();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @BeforeEach
    void open() throws Exception {
        kafka = new WebhookKafka(bootstrap, "webhooks-" + UUID.randomUUID());
        receiver = new ScriptedReceiver(secret);
    }

    @AfterEach
    void close() throws InterruptedException {
        for (SubscriptionView view : views) {
            view.close();
        }
        views.clear();
        receiver.close();
        kafka.close();
    }

    /** A service with a subscription view of its own, as each consumer process has (closed after the test). */
    private WebhookDeliveryService start(boolean allowLoopback, RetrySchedule schedule, String group) throws Exception {
        KafkaClients clients = new KafkaClients(bootstrap);
        SubscriptionView view = SubscriptionView.open(clients, "test-view-" + group, kafka.topics.subscriptions(),
                SubscriptionValidator.anyTopic()).start();
        views.add(view);
        WebhookDeliveryService service = new WebhookDeliveryService(new WebhookSettings(group,
                allowLoopback, schedule, kafka.topics, 8, Duration.ofSeconds(1), Duration.ofMillis(500)), clients,
                view, registry);
        service.start(Duration.ofSeconds(30));
        return service;
    }

    private Subscription subscribe(String id, String url, Delivery.Format format) throws Exception {
        Subscription s = new Subscription(id, null, "svd", List.of(), null, false,
                List.of(Delivery.webhook(url, secret, format)));
        kafka.publish(s);
        return s;
    }

    private static Set<String> ids(String subscription, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "alert_" + subscription + "_" + n)
                .collect(Collectors.toSet());
    }

    private double deliveries(String outcome) {
        return registry.get("paperfeed.webhook.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void everyAlertArrivesAtLeastOnceThroughErrorsTimeoutsAndAnOutage() throws Exception {
        receiver.on("/flaky", (attempt, request) -> Answer.status(attempt == 1 ? 500 : 200))
                .on("/slow", (attempt, request) -> attempt == 1 ? Answer.hang(2_000) : Answer.status(200));
        try (ScriptedReceiver outage = new ScriptedReceiver(secret)) {
            subscribe("ok", receiver.url("/ok"), null);
            subscribe("flaky", receiver.url("/flaky"), null);
            subscribe("slow", receiver.url("/slow"), null);
            subscribe("slack", receiver.url("/slack"), Delivery.Format.SLACK);
            subscribe("away", outage.url("/away"), null);
            outage.stop();
            List<String> subscriptions = List.of("ok", "flaky", "slow", "slack", "away");

            try (WebhookDeliveryService service = start(true, FAST, "webhooks-" + UUID.randomUUID())) {
                for (int n = 1; n <= 10; n++) {
                    for (String s : subscriptions) {
                        kafka.publish(Alerts.alert(s, n));
                    }
                }
                kafka.flush();
                await().atMost(WAIT).until(() -> deliveries("retried") >= 20);
                outage.restart();

                await().atMost(WAIT).until(() -> receiver.accepted("/ok").size() == 10
                        && receiver.accepted("/flaky").size() == 10 && receiver.accepted("/slow").size() == 10
                        && receiver.accepted("/slack").size() == 10 && outage.accepted("/away").size() == 10);
            }
            assertEquals(ids("ok", 10), receiver.accepted("/ok"));
            assertEquals(ids("flaky", 10), receiver.accepted("/flaky"));
            assertEquals(ids("slow", 10), receiver.accepted("/slow"));
            assertEquals(ids("away", 10), outage.accepted("/away"));
            List<Request> all = new java.util.ArrayList<>(receiver.requests());
            all.addAll(outage.requests());
            assertTrue(all.stream().allMatch(Request::signatureValid), "every request carries a valid signature");

            Map<String, Set<String>> bodiesById = all.stream().collect(Collectors.groupingBy(Request::webhookId,
                    Collectors.mapping(Request::body, Collectors.toSet())));
            assertTrue(bodiesById.values().stream().allMatch(b -> b.size() == 1), "a repeat is the same message");
            assertEquals(20, receiver.requests("/flaky").size(), "each flaky alert was tried twice, same webhook-id");
            assertEquals(20, receiver.requests("/slow").size(), "each slow alert timed out once, then arrived");
            assertTrue(Json.MAPPER.readTree(receiver.requests("/slack").get(0).body()).get("text").asText()
                    .contains("https://arxiv.org/abs/2501.000"));
            assertEquals(List.of(), kafka.readAll(kafka.topics.deadLetters(), PaperSerdes.WEBHOOK_DEAD_LETTER));
            assertTrue(deliveries("delivered") >= 50, "delivered " + deliveries("delivered"));
            assertEquals(0.0, registry.get("paperfeed.alerts.dead.letters").counter().count());
        }
    }

    @Test
    void goneDisablesTheSubscriptionAndFailuresLandInTheDeadLetterTopic() throws Exception {
        receiver.on("/gone", (a, r) -> Answer.status(410))
                .on("/broken", (a, r) -> Answer.status(503))
                .on("/unauthorized", (a, r) -> Answer.status(401));
        RetrySchedule threeAttempts = new RetrySchedule(List.of(Duration.ofMillis(20), Duration.ofMillis(20)), 0);
        subscribe("gone", receiver.url("/gone"), null);
        subscribe("broken", receiver.url("/broken"), null);
        subscribe("unauthorized", receiver.url("/unauthorized"), null);

        try (WebhookDeliveryService service = start(true, threeAttempts, "webhooks-" + UUID.randomUUID())) {
            subscribe("ok", receiver.url("/ok"), null);
            kafka.publish(Alerts.alert("gone", 1));
            kafka.publish(Alerts.alert("broken", 1));
            kafka.publish(Alerts.alert("unauthorized", 1));
            kafka.flush();
            await().atMost(WAIT).until(() -> kafka.readAll(kafka.topics.deadLetters(),
                    PaperSerdes.WEBHOOK_DEAD_LETTER).size() == 2);
            await().atMost(WAIT).until(() -> lastVersion("gone").disabled());

            kafka.publish(Alerts.alert("gone", 2));
            kafka.publish(Alerts.alert("ok", 1));
            kafka.flush();
            await().atMost(WAIT).until(() -> receiver.accepted("/ok").size() == 1);
        }
        // "ok" was published after the service started: its alert made the view catch up first
        Subscription gone = lastVersion("gone");
        assertTrue(gone.disabledReason().startsWith("webhook " + receiver.url("/gone") + " answered 410 Gone at "),
                gone.disabledReason());
        // the first alert may take a retry on a busy machine (500 ms deadline); the second is never sent
        assertEquals(List.of("alert_gone_1"), receiver.requests("/gone").stream().map(Request::webhookId).distinct()
                .toList(), "nothing is sent to a disabled subscription");
        assertEquals(3, receiver.requests("/broken").size(), "three attempts, the same webhook-id");
        assertEquals(1, receiver.requests("/broken").stream().map(Request::webhookId).distinct().count());

        Map<String, WebhookDeadLetter> dlq = kafka.readAll(kafka.topics.deadLetters(), PaperSerdes.WEBHOOK_DEAD_LETTER)
                .stream().collect(Collectors.toMap(d -> d.alert().subscriptionId(), d -> d));
        WebhookDeadLetter broken = dlq.get("broken");
        assertEquals(3, broken.attempts());
        assertEquals("HTTP 503", broken.lastError());
        assertEquals("exhausted", broken.reason());
        assertEquals(receiver.url("/broken"), broken.url());
        assertEquals("alert_broken_1", broken.alert().alertId());
        WebhookDeadLetter unauthorized = dlq.get("unauthorized");
        assertEquals(1, unauthorized.attempts(), "a 401 is not retried");
        assertEquals("rejected", unauthorized.reason());
        assertEquals(1.0, deliveries("gone"));
        assertEquals(2.0, deliveries("dead-lettered"));
        assertEquals(2.0, registry.get("paperfeed.alerts.dead.letters").counter().count());
    }

    @Test
    void aRetryReadAgainAfterARestartIsSupersededByItsSuccessor() throws Exception {
        receiver.on("/down", (a, r) -> Answer.status(503));
        RetrySchedule threeAttempts = new RetrySchedule(List.of(Duration.ofMillis(20), Duration.ofMillis(20)), 0);
        subscribe("down", receiver.url("/down"), null);
        Alert alert = Alerts.alert("down", 1);
        // what a worker killed after handing attempt 2 on leaves uncommitted: attempt 2's record, then attempt 3's
        kafka.publish(new WebhookRetry(alert, receiver.url("/down"), 2, Instant.EPOCH, "HTTP 503"));
        kafka.publish(new WebhookRetry(alert, receiver.url("/down"), 3, Instant.EPOCH, "HTTP 503"));
        kafka.flush();

        try (WebhookDeliveryService service = start(true, threeAttempts, "webhooks-" + UUID.randomUUID())) {
            await().atMost(WAIT).until(() -> kafka.readAll(kafka.topics.deadLetters(),
                    PaperSerdes.WEBHOOK_DEAD_LETTER).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> service.problem() == null);
        }
        assertEquals(1, receiver.requests("/down").size(), "only attempt 3 is made: attempt 2 was made before");
        List<WebhookDeadLetter> dlq = kafka.readAll(kafka.topics.deadLetters(), PaperSerdes.WEBHOOK_DEAD_LETTER);
        assertEquals(1, dlq.size(), "one chain, one dead letter");
        assertEquals(3, dlq.get(0).attempts());
    }

    @Test
    void loopbackIsRefusedWithoutTheFlagAndDeadLettered() throws Exception {
        subscribe("local", receiver.url("/local"), null);
        try (WebhookDeliveryService service = start(false, FAST, "webhooks-" + UUID.randomUUID())) {
            kafka.publishGarbage("local");
            kafka.publish(Alerts.alert("local", 1));
            kafka.flush();
            await().atMost(WAIT).until(() -> !kafka.readAll(kafka.topics.deadLetters(),
                    PaperSerdes.WEBHOOK_DEAD_LETTER).isEmpty());
            assertEquals(1.0, registry.get("paperfeed.webhook.unreadable").tag("topic", "alerts").counter().count(),
                    "the unreadable record is counted and skipped");
            assertEquals(null, service.problem(), "still delivering");
        }
        WebhookDeadLetter letter = kafka.readAll(kafka.topics.deadLetters(), PaperSerdes.WEBHOOK_DEAD_LETTER).get(0);
        assertEquals("refused", letter.reason());
        assertEquals(0, letter.attempts());
        assertTrue(letter.lastError().contains("127.0.0.1") && letter.lastError().contains("loopback"),
                letter.lastError());
        assertEquals(List.of(), receiver.requests(), "no request left");
        assertEquals(1.0, deliveries("refused"));
        assertEquals(0.0, deliveries("retried"));
    }

    @Test
    void aServiceStoppedMidStreamLosesNothing() throws Exception {
        receiver.on("/hook", (attempt, request) -> Answer.status(request % 5 == 0 ? 503 : 200));
        subscribe("many", receiver.url("/hook"), null);
        int count = 300;
        String group = "webhooks-" + UUID.randomUUID();
        WebhookDeliveryService first = start(true, FAST, group);
        for (int n = 1; n <= count; n++) {
            kafka.publish(Alerts.alert("many", n));
        }
        kafka.flush();
        await().atMost(WAIT).until(() -> receiver.accepted("/hook").size() >= 60);
        first.close();
        int before = receiver.accepted("/hook").size();
        assertTrue(before < count, "stopped mid-stream: " + before);

        try (WebhookDeliveryService second = start(true, FAST, group)) {
            await().atMost(WAIT).until(() -> receiver.accepted("/hook").size() == count);
        }
        assertEquals(ids("many", count), receiver.accepted("/hook"));
        assertEquals(List.of(), kafka.readAll(kafka.topics.deadLetters(), PaperSerdes.WEBHOOK_DEAD_LETTER));
        Set<String> distinct = new HashSet<>();
        receiver.requests("/hook").forEach(r -> distinct.add(r.webhookId()));
        assertEquals(count, distinct.size(), "repeats, if any, carry a webhook-id already seen");
    }

    private Subscription lastVersion(String id) {
        List<Subscription> versions = kafka.readAll(kafka.topics.subscriptions(), PaperSerdes.SUBSCRIPTION).stream()
                .filter(s -> s.id().equals(id)).toList();
        return versions.get(versions.size() - 1);
    }
}
