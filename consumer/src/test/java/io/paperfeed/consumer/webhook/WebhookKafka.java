package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Alert;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.JsonSerde;
import io.paperfeed.model.serde.PaperSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The webhook topics of one test on the shared broker: creates them, publishes to them, reads them back. */
final class WebhookKafka implements AutoCloseable {

    final WebhookTopicNames topics;
    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    WebhookKafka(String bootstrap, String prefix) throws InterruptedException, ExecutionException {
        this.bootstrap = bootstrap;
        this.topics = WebhookTopicNames.prefixed(prefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.alerts(), 1, (short) 1),
                    new NewTopic(topics.subscriptions(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.retry(), 1, (short) 1),
                    new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get();
        }
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    void publish(Subscription s) throws Exception {
        producer.send(new ProducerRecord<>(topics.subscriptions(), s.id(),
                PaperSerdes.SUBSCRIPTION.serialize(topics.subscriptions(), s))).get();
    }

    void publish(Alert a) {
        producer.send(new ProducerRecord<>(topics.alerts(), a.subscriptionId(),
                PaperSerdes.ALERT.serialize(topics.alerts(), a)));
    }

    /** A retry record, keyed as the dispatcher keys them (by subscription id). */
    void publish(io.paperfeed.model.WebhookRetry retry) {
        producer.send(new ProducerRecord<>(topics.retry(), retry.alert().subscriptionId(),
                io.paperfeed.model.serde.PaperSerdes.WEBHOOK_RETRY.serialize(topics.retry(), retry)));
    }

    /** A record that is not an alert, on the alerts topic. */
    void publishGarbage(String key) {
        producer.send(new ProducerRecord<>(topics.alerts(), key, "{not an alert".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    void flush() {
        producer.flush();
    }

    <T> List<T> readAll(String topic, JsonSerde<T> serde) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<T> out = new ArrayList<>();
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(serde.deserialize(topic, r.value()));
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
