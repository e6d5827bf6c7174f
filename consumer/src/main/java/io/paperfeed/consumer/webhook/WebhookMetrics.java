package io.paperfeed.consumer.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The webhook meters, registered at start so every series exists before the first alert:
 * {@code paperfeed.webhook.deliveries} (tag outcome), {@code paperfeed.webhook.duration} (tag outcome of
 * the HTTP attempt), {@code paperfeed.webhook.retry.pending}, {@code paperfeed.alerts.dead.letters} and
 * {@code paperfeed.webhook.unreadable} (records of the alerts or retry topic that could not be read).
 */
final class WebhookMetrics {

    /** The values of the {@code outcome} tag of {@code paperfeed.webhook.deliveries}. */
    enum DeliveryOutcome {
        DELIVERED, RETRIED, DEAD_LETTERED, GONE, REFUSED,
        /** a first attempt not made because its host was full: handed to the retry topic, due at once */
        DEFERRED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<DeliveryOutcome, Counter> deliveries = new EnumMap<>(DeliveryOutcome.class);
    private final Map<SendResult.Outcome, Timer> durations = new EnumMap<>(SendResult.Outcome.class);
    private final Counter deadLetters;
    private final Map<String, Counter> unreadable = new java.util.HashMap<>();

    WebhookMetrics(MeterRegistry registry, Supplier<Number> retryPending) {
        for (DeliveryOutcome d : DeliveryOutcome.values()) {
            deliveries.put(d, Counter.builder("paperfeed.webhook.deliveries")
                    .description("Webhook deliveries by what became of them")
                    .tag("outcome", d.tag())
                    .register(registry));
        }
        for (SendResult.Outcome o : SendResult.Outcome.values()) {
            durations.put(o, Timer.builder("paperfeed.webhook.duration")
                    .description("Time of webhook HTTP requests, by their result")
                    .tag("outcome", o.tag())
                    .register(registry));
        }
        deadLetters = Counter.builder("paperfeed.alerts.dead.letters")
                .description("Alerts written to paperfeed.alerts.dlq")
                .register(registry);
        for (String topic : new String[] {"alerts", "retry"}) {
            unreadable.put(topic, Counter.builder("paperfeed.webhook.unreadable")
                    .description("Records of the alerts or retry topic that could not be read (logged with their position)")
                    .tag("topic", topic)
                    .register(registry));
        }
        Gauge.builder("paperfeed.webhook.retry.pending", retryPending)
                .description("Webhook deliveries read from the retry topic and not yet done")
                .register(registry);
    }

    void count(DeliveryOutcome outcome) {
        deliveries.get(outcome).increment();
    }

    void time(SendResult.Outcome outcome, long nanos) {
        durations.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A record that could not be read, on {@code alerts} or {@code retry}. */
    void unreadable(String topic) {
        unreadable.get(topic).increment();
    }

    void deadLetter() {
        deadLetters.increment();
    }
}
