package io.paperfeed.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.paperfeed.model.Alert;
import io.paperfeed.model.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code paperfeed.alerts} and hands each alert to a sink; offsets are committed only after
 * the sink took the whole batch (at-least-once). A sink failure stops the loop without committing,
 * so the alerts are delivered again after a restart.
 */
public final class AlertConsumer implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

    private final Consumer<String, Alert> consumer;
    private final AlertSink sink;
    private final Counter delivered;
    private final Counter failed;
    private final KafkaClientMetrics clientMetrics;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public AlertConsumer(AlertConsumerSettings settings, AlertSink sink, MeterRegistry registry) {
        this(new KafkaConsumer<>(settings.toProperties(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer()), sink, registry);
    }

    AlertConsumer(Consumer<String, Alert> consumer, AlertSink sink, MeterRegistry registry) {
        this.consumer = consumer;
        this.sink = sink;
        this.delivered = outcomeCounter(registry, "delivered");
        this.failed = outcomeCounter(registry, "failed");
        this.clientMetrics = new KafkaClientMetrics(consumer);
        this.clientMetrics.bindTo(registry);
    }

    private static Counter outcomeCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("paperfeed.consumer.alerts")
                .description("Alerts handed to the sink, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (!stopping.get()) {
                ConsumerRecords<String, Alert> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, Alert> record : records) {
                    deliver(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        } catch (SinkFailure e) {
            log.error("alert delivery failed at {}-{}@{}; stopping without committing so it is retried",
                    e.record.topic(), e.record.partition(), e.record.offset(), e.getCause());
        } finally {
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(ConsumerRecord<String, Alert> record) {
        try {
            sink.deliver(record.value());
            delivered.increment();
        } catch (Exception e) {
            failed.increment();
            throw new SinkFailure(record, e);
        }
    }

    /** Stops the loop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        stopping.set(true);
        consumer.wakeup();
    }

    private static final class SinkFailure extends RuntimeException {
        private final transient ConsumerRecord<String, Alert> record;

        SinkFailure(ConsumerRecord<String, Alert> record, Exception cause) {
            super(cause);
            this.record = record;
        }
    }
}
