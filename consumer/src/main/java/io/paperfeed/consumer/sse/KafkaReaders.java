package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Group-less readers of raw values for the event streams ({@link KafkaClients#reader}), quick to answer. */
final class KafkaReaders {

    private KafkaReaders() {
    }

    static Consumer<String, byte[]> open(KafkaClients clients, String clientId) {
        return clients.reader(clientId, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100));
    }

    static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }
}
