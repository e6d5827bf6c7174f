package io.paperfeed.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.paperfeed.model.Alert;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code paperfeed.alerts} and hands each alert to a sink; offsets are committed only after
 * the sink took the whole batch (at-least-once). A sink failure stops the loop without committing,
 * so the alerts are delivered again after a restart. A record that is not an alert (not JSON, the wrong
 * shape, a null value) is dead-lettered to {@code paperfeed.papers.invalid} ({@link DeadLetterWriter}) and
 * committed past; this consumer writes the letters of {@code paperfeed.alerts} (webhook delivery, the
 * event streams and the status page skip and count such a record). Its meters ({@link DeliveryMetrics}) count the
 * outcomes, time every delivery from the paper's first sighting and its publication, and gauge the lag.
 */
public final class AlertConsumer implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final boolean ownsProducer;
    private final DeadLetterWriter deadLetters;
    private final AlertSink sink;
    private final DeliveryMetrics metrics;
    private final KafkaClientMetrics clientMetrics;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile String failure;

    public AlertConsumer(AlertConsumerSettings settings, AlertSink sink, MeterRegistry registry) {
        this(settings.clients().groupConsumer(settings.groupId(), "paperfeed-alerts-" + settings.groupId(),
                new StringDeserializer(), new ByteArrayDeserializer(), Map.of()),
                settings.clients().producer("paperfeed-alerts-dead-letters-" + settings.groupId(),
                        new StringSerializer(), new ByteArraySerializer()), true, sink, registry, Clock.systemUTC());
    }

    /** For tests: the producer (dead letters) is not closed by this consumer. */
    AlertConsumer(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, AlertSink sink,
                  MeterRegistry registry) {
        this(consumer, producer, false, sink, registry, Clock.systemUTC());
    }

    private AlertConsumer(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, boolean ownsProducer,
                          AlertSink sink, MeterRegistry registry, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.ownsProducer = ownsProducer;
        this.deadLetters = new DeadLetterWriter(producer, "consumer", registry, Topics.ALERTS.name());
        this.sink = sink;
        this.metrics = new DeliveryMetrics(registry, clock);
        this.clientMetrics = new KafkaClientMetrics(consumer);
        this.clientMetrics.bindTo(registry);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (!stopping.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    deliver(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
                metrics.lag(lag());
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        } catch (SinkFailure e) {
            log.error("alert delivery failed at {}-{}@{}; stopping without committing so it is retried",
                    e.record.topic(), e.record.partition(), e.record.offset(), e.getCause());
            failure = "alert delivery failed at " + e.record.topic() + "-" + e.record.partition() + "@"
                    + e.record.offset() + ": " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the alert consumer was interrupted";
        } catch (RuntimeException e) {
            log.error("the alert consumer stopped", e);
            failure = "the alert consumer stopped: " + e;
        } finally {
            if (failure != null) {
                metrics.lagUnknown(); // no one reads on: the last lag would be a stale, reassuring figure
            }
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
            if (ownsProducer) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * Null while the loop runs (or after it was asked to stop), else why it ended on its own; the alerts
     * not committed wait in Kafka until a restart. For {@code /health} and the command's exit.
     */
    public String problem() {
        return failure;
    }

    private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Alert alert;
        try {
            alert = PaperSerdes.ALERT.deserialize(record.topic(), record.value());
            if (alert == null) {
                throw new SerializationException("a null value is no alert");
            }
        } catch (SerializationException e) {
            deadLetters.write(record, e.getMessage());
            return;
        }
        try {
            sink.deliver(alert);
            metrics.delivered(alert);
        } catch (Exception e) {
            metrics.failed();
            throw new SinkFailure(record, e);
        }
    }

    /** Records behind the end of the assigned partitions, or NaN while a partition's lag is not known yet. */
    private double lag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty()) {
                return Double.NaN;
            }
            total += lag.getAsLong();
        }
        return total;
    }

    /** Stops the loop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        stopping.set(true);
        consumer.wakeup();
    }

    private static final class SinkFailure extends RuntimeException {
        private final transient ConsumerRecord<String, byte[]> record;

        SinkFailure(ConsumerRecord<String, byte[]> record, Exception cause) {
            super(cause);
            this.record = record;
        }
    }
}
