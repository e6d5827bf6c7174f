package io.paperfeed.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.topics.DeadLetters;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the dead letter of a record a consumer outside Kafka Streams could not read (not JSON, the
 * wrong shape, a null value) to {@code paperfeed.papers.invalid}, by an acknowledged send, and counts it in
 * {@code paperfeed.dead.letters{topic}}. The consumer commits past the record only once the letter is
 * acknowledged, so a bad record is never lost unseen and never stops the consumer.
 */
public final class DeadLetterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);
    private static final long SEND_TIMEOUT_S = 30;

    private final Producer<String, byte[]> producer;
    private final String stage;
    private final MeterRegistry registry;

    /**
     * @param producer an idempotent producer (not owned)
     * @param stage    the service that reads the records ({@code consumer}, {@code webhooks}, ...)
     * @param topics   the topics whose counters exist from the start
     */
    public DeadLetterWriter(Producer<String, byte[]> producer, String stage, MeterRegistry registry, String... topics) {
        this.producer = producer;
        this.stage = stage;
        this.registry = registry;
        for (String topic : topics) {
            counter(topic);
        }
    }

    /** Sends the letter; the future completes when it is acknowledged. */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String reason, String why) {
        InvalidItem letter = DeadLetters.of(stage, reason, record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.value(), why);
        log.warn("{} at {}-{}@{} written to the invalid topic: {}", reason, record.topic(), record.partition(),
                record.offset(), why);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(DeadLetters.record(letter), (metadata, e) -> {
            if (e == null) {
                counter(record.topic()).increment();
                acked.complete(null);
            } else {
                acked.completeExceptionally(e);
            }
        });
        return acked;
    }

    /**
     * Sends the letter of an unreadable record and waits for the acknowledgement.
     *
     * @throws IllegalStateException when it was not acknowledged: the caller must not commit past the record
     */
    public void write(ConsumerRecord<String, byte[]> record, String why) throws InterruptedException {
        try {
            send(record, DeadLetters.UNREADABLE, why).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead letter of " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " could not be written: " + e, e);
        }
    }

    private Counter counter(String topic) {
        return Counter.builder("paperfeed.dead.letters")
                .description("Records of a topic that could not be read or processed, written to paperfeed.papers.invalid")
                .tag("topic", topic)
                .register(registry);
    }
}
