package io.paperfeed.subscriptions;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one writer of {@code paperfeed.subscriptions}: a subscription under its id (checked by the
 * {@link SubscriptionValidator} first, so nothing invalid is written, its webhook secrets sealed by
 * {@link SubscriptionSecrets}, so none is written in plain text), a tombstone to delete one, or
 * a disabled version (a webhook answered 410 Gone). Every write is acknowledged by all in-sync
 * replicas; the returned {@link RecordMetadata} lets the caller wait until a {@link SubscriptionView}
 * shows it.
 */
public final class SubscriptionPublisher implements AutoCloseable {

    /** How long a write may take before it counts as failed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Kafka did not take the write in time. */
    public static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, Subscription> producer;
    private final String topic;
    private final SubscriptionValidator validator;
    private final SubscriptionSecrets secrets;

    /** A publisher that refuses webhook secrets (it has no key to seal them with). */
    public SubscriptionPublisher(Producer<String, Subscription> producer, String topic, SubscriptionValidator validator) {
        this(producer, topic, validator, new SubscriptionSecrets(SecretKeys.none()));
    }

    public SubscriptionPublisher(Producer<String, Subscription> producer, String topic, SubscriptionValidator validator,
                                 SubscriptionSecrets secrets) {
        this.producer = producer;
        this.topic = topic;
        this.validator = validator;
        this.secrets = secrets;
    }

    /** A publisher with a producer of its own from {@code clients}, refusing webhook secrets. */
    public static SubscriptionPublisher open(KafkaClients clients, String clientId, String topic,
                                             SubscriptionValidator validator) {
        return open(clients, clientId, topic, validator, new SubscriptionSecrets(SecretKeys.none()));
    }

    /** A publisher with a producer of its own from {@code clients}, sealing webhook secrets with {@code secrets}. */
    public static SubscriptionPublisher open(KafkaClients clients, String clientId, String topic,
                                             SubscriptionValidator validator, SubscriptionSecrets secrets) {
        return new SubscriptionPublisher(clients.producer(clientId, new StringSerializer(),
                PaperSerdes.SUBSCRIPTION.serializer(), Map.of(
                        ProducerConfig.LINGER_MS_CONFIG, 0,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2)),
                topic, validator, secrets);
    }

    /**
     * Creates or replaces a subscription and waits for the acknowledgement.
     *
     * @throws InvalidSubscriptionException when the validator refuses it (nothing is written)
     * @throws PublishException when Kafka did not take it
     */
    public RecordMetadata put(Subscription subscription) throws InterruptedException {
        validator.check(subscription);
        return await(send(subscription.id(), secrets.seal(subscription)), subscription.id());
    }

    /** Deletes a subscription (a tombstone) and waits for the acknowledgement. */
    public RecordMetadata delete(String id) throws InterruptedException {
        return await(send(id, null), id);
    }

    /** Publishes the subscription again, disabled for the reason given; completes when acknowledged. */
    public CompletableFuture<RecordMetadata> disable(Subscription subscription, String reason) {
        try {
            return send(subscription.id(), secrets.reseal(subscription.disable(reason)));
        } catch (InvalidSubscriptionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<RecordMetadata> send(String id, Subscription value) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, id, value), (metadata, e) -> {
                if (e == null) {
                    acked.complete(metadata);
                } else {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private RecordMetadata await(CompletableFuture<RecordMetadata> acked, String id) throws InterruptedException {
        try {
            return acked.get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PublishException("could not write subscription " + id + " to " + topic + ": "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
