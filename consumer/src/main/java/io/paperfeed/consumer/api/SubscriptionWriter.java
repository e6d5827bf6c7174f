package io.paperfeed.consumer.api;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes subscriptions (and tombstones) to {@code paperfeed.subscriptions}, keyed by id, acks=all. */
final class SubscriptionWriter implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, Subscription> producer;

    SubscriptionWriter(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "paperfeed-api");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        this.producer = new KafkaProducer<>(p, Topics.SUBSCRIPTIONS.keySerde().serializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer());
    }

    RecordMetadata put(Subscription subscription) throws InterruptedException {
        return send(subscription.id(), subscription);
    }

    RecordMetadata delete(String id) throws InterruptedException {
        return send(id, null);
    }

    private RecordMetadata send(String id, Subscription value) throws InterruptedException {
        try {
            return producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, value))
                    .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiError(503, "kafka-unavailable", "could not write to " + Topics.SUBSCRIPTIONS.name() + ": "
                    + cause.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
