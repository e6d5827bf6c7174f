package io.paperfeed.subscriptions;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Rating;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one writer of {@code paperfeed.feedback}: a {@link Rating} under its key ({@code subscription|paper},
 * so a later rating of the same paper replaces it once compacted, and each subscription's ratings of one
 * paper stay in order on one partition), or a tombstone that withdraws one. Every write is acknowledged by
 * all in-sync replicas before the call returns.
 */
public final class FeedbackPublisher implements AutoCloseable {

    private final Producer<String, Rating> producer;
    private final String topic;

    public FeedbackPublisher(Producer<String, Rating> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public static FeedbackPublisher open(KafkaClients clients, String clientId) {
        Duration timeout = SubscriptionPublisher.TIMEOUT;
        return new FeedbackPublisher(clients.producer(clientId, new StringSerializer(), PaperSerdes.RATING.serializer(),
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 0,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2)), Topics.FEEDBACK.name());
    }

    /** Writes a rating and waits for the acknowledgement. */
    public RecordMetadata rate(Rating rating) throws InterruptedException {
        return await(producer.send(new ProducerRecord<>(topic, rating.key(), rating)), rating.key());
    }

    /** Withdraws a subscription's rating of a paper (a tombstone). */
    public RecordMetadata withdraw(String subscriptionId, String paper) throws InterruptedException {
        String key = Rating.key(subscriptionId, paper);
        return await(producer.send(new ProducerRecord<>(topic, key, null)), key);
    }

    private RecordMetadata await(Future<RecordMetadata> acked, String key) throws InterruptedException {
        try {
            return acked.get(SubscriptionPublisher.TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SubscriptionPublisher.PublishException("could not write the rating " + key + " to " + topic + ": "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
