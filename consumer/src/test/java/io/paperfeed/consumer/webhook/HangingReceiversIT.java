package io.paperfeed.consumer.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four of five webhook receivers accept every request and never answer; the fifth still receives every one
 * of its alerts, each exactly once, within seconds: a hanging host holds at most its slots, the rest of its
 * attempts are deferred to the retry topic, and the alert loop polls on.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HangingReceiversIT {

    private static final int ALERTS_EACH = 40;
    private static final String SECRET = "whsec_aGFuZ2luZy1yZWNlaXZlcnMtdGVzdA==";

    private final String bootstrap;

    HangingReceiversIT(KafkaBroker broker) {
        this.bootstrap = broker.bootstrapServers();
    }

    @Test
    void withFourReceiversHangingTheFifthGetsEveryAlertOnceAndInTime() throws Exception {
        List<ScriptedReceiver> receivers = new ArrayList<>();
        String group = "hanging-" + UUID.randomUUID();
        try (WebhookKafka kafka = new WebhookKafka(bootstrap, group)) {
            for (int i = 0; i < 5; i++) {
                ScriptedReceiver receiver = new ScriptedReceiver(SECRET);
                if (i < 4) {
                    receiver.on("/hook", (attempt, request) -> ScriptedReceiver.Answer.hang(120_000));
                }
                receivers.add(receiver);
                kafka.publish(new Subscription("s" + i, null, "svd", List.of(), null, false,
                        List.of(Delivery.webhook(receiver.url("/hook"), SECRET, null))));
            }
            KafkaClients clients = new KafkaClients(bootstrap);
            try (SubscriptionView view = SubscriptionView.open(clients, "hanging-view", kafka.topics.subscriptions(),
                    SubscriptionValidator.anyTopic()).start();
                 WebhookDeliveryService service = new WebhookDeliveryService(new WebhookSettings(group, true,
                         new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 0.1), kafka.topics,
                         8, Duration.ofSeconds(1), Duration.ofSeconds(20)), clients, view, new SimpleMeterRegistry())) {
                service.start(Duration.ofSeconds(30));
                long start = System.nanoTime();
                for (int n = 1; n <= ALERTS_EACH; n++) {
                    for (int i = 0; i < 5; i++) {
                        kafka.publish(Alerts.alert("s" + i, n));
                    }
                }
                kafka.flush();
                Set<String> expected = IntStream.rangeClosed(1, ALERTS_EACH).mapToObj(n -> "alert_s4_" + n)
                        .collect(Collectors.toSet());
                ScriptedReceiver fifth = receivers.get(4);
                await().atMost(Duration.ofSeconds(10)).until(() -> fifth.accepted("/hook").containsAll(expected));
                double seconds = (System.nanoTime() - start) / 1e9;
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);

                Map<String, Integer> times = new HashMap<>();
                fifth.requests("/hook").forEach(r -> times.merge(r.webhookId(), 1, Integer::sum));
                assertEquals(expected, times.keySet());
                assertEquals(Set.of(1), Set.copyOf(times.values()), "each alert exactly once: " + times);
                System.out.printf("hanging receivers: the fifth got its %d alerts in %.1f s, each once%n",
                        ALERTS_EACH, seconds);
            }
        } finally {
            receivers.forEach(ScriptedReceiver::close);
        }
    }
}
