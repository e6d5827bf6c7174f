package io.paperfeed.consumer.webhook;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Webhook deliveries per second to a local receiver: publishes N alerts over S subscriptions (one
 * webhook path each) to the embedded broker, starts the delivery service, and measures until the
 * receiver has answered 2xx to every alert. A second run answers 503 to every 10th request, so a tenth
 * of the alerts go through the retry topic. Start-up (catching up with the subscriptions, joining the
 * consumer group) is in the first figure, not in the second. Usage: {@code WebhookThroughput [alerts] [subscriptions]}.
 */
public final class WebhookThroughput {

    private WebhookThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int subscriptions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            run(broker.bootstrapServers(), "clean", alerts, subscriptions, 0);
            run(broker.bootstrapServers(), "every-10th-503", alerts, subscriptions, 10);
        }
    }

    private static void run(String bootstrap, String label, int alerts, int subscriptions, int failEvery)
            throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString("benchmark-secret-0123456789".getBytes());
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400)), 0.1);
        try (ScriptedReceiver receiver = new ScriptedReceiver(secret);
                WebhookKafka kafka = new WebhookKafka(bootstrap, "bench-" + label)) {
            for (int s = 0; s < subscriptions; s++) {
                String path = "/hook" + s;
                receiver.on(path, (attempt, request) -> ScriptedReceiver.Answer.status(
                        failEvery > 0 && request % failEvery == 0 ? 503 : 200));
                kafka.publish(new Subscription("s" + s, null, "svd", List.of(), null, false,
                        List.of(Delivery.webhook(receiver.url(path), secret, null))));
            }
            for (int n = 1; n <= alerts; n++) {
                kafka.publish(Alerts.alert("s" + (n % subscriptions), n));
            }
            kafka.flush();
            WebhookSettings settings = new WebhookSettings("bench-" + label, true, schedule, kafka.topics, 32,
                    null, null);
            KafkaClients clients = new KafkaClients(bootstrap);
            long start = System.nanoTime();
            long first = 0;
            try (SubscriptionView view = SubscriptionView.open(clients, "bench-view", kafka.topics.subscriptions(),
                    SubscriptionValidator.anyTopic()).start();
                 WebhookDeliveryService service = new WebhookDeliveryService(settings, clients, view,
                         new SimpleMeterRegistry())) {
                service.start(Duration.ofSeconds(30));
                long[] firstSeen = {0};
                org.awaitility.Awaitility.await("all delivered").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(20)).until(() -> {
                            int done = accepted(receiver, subscriptions);
                            if (done > 0 && firstSeen[0] == 0) {
                                firstSeen[0] = System.nanoTime();
                            }
                            return done >= alerts;
                        });
                first = firstSeen[0];
            }
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            double steady = (end - first) / 1e9;
            long bad = receiver.requests().stream().filter(r -> !r.signatureValid()).count();
            System.out.printf(Locale.ROOT, "%-15s alerts %,d over %d webhooks: %.2f s from start (group join "
                    + "included), %,.0f deliveries/s; from the first delivery on: %,.0f deliveries/s; %,d requests "
                    + "(%,d bad signatures)%n", label, alerts, subscriptions, seconds, alerts / seconds,
                    alerts / steady, receiver.requests().size(), bad);
        }
    }

    private static int accepted(ScriptedReceiver receiver, int subscriptions) {
        int sum = 0;
        for (int s = 0; s < subscriptions; s++) {
            sum += receiver.accepted("/hook" + s).size();
        }
        return sum;
    }
}
