package io.paperfeed.consumer.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The mail meters, registered at start: {@code paperfeed.mail.deliveries} (tags kind {@code alert} or
 * {@code digest}, outcome {@code delivered}, {@code retried}, {@code dead-lettered}),
 * {@code paperfeed.mail.duration} (SMTP sends), {@code paperfeed.mail.unreadable} (records of the alerts,
 * digests or retry topic that could not be read), {@code paperfeed.mail.unsubscribed}.
 */
final class MailMetrics {

    private final Map<String, Counter> deliveries = new HashMap<>();
    private final Map<String, Counter> unreadable = new HashMap<>();
    private final Timer duration;
    private final Counter unsubscribed;

    MailMetrics(MeterRegistry registry) {
        for (String kind : List.of("alert", "digest")) {
            for (String outcome : List.of("delivered", "retried", "dead-lettered")) {
                deliveries.put(kind + outcome, Counter.builder("paperfeed.mail.deliveries")
                        .description("E-mails by what became of them").tag("kind", kind).tag("outcome", outcome)
                        .register(registry));
            }
        }
        for (String topic : List.of("alerts", "digests", "retry")) {
            unreadable.put(topic, Counter.builder("paperfeed.mail.unreadable")
                    .description("Records mail delivery could not read (logged with their position) and skipped")
                    .tag("topic", topic).register(registry));
        }
        duration = Timer.builder("paperfeed.mail.duration").description("Time of SMTP sends").register(registry);
        unsubscribed = Counter.builder("paperfeed.mail.unsubscribed")
                .description("Subscriptions disabled by an unsubscribe link").register(registry);
    }

    void count(MailJob job, String outcome) {
        deliveries.get((job.alert() != null ? "alert" : "digest") + outcome).increment();
    }

    void time(long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void unreadable(String topic) {
        unreadable.get(topic).increment();
    }

    void unsubscribed() {
        unsubscribed.increment();
    }
}
