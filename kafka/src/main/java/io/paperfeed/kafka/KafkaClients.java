package io.paperfeed.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one place paperfeed's Kafka clients are configured. Every client gets the bootstrap servers and
 * the extra client properties (security, timeouts: {@code --kafka-config}); each kind adds the
 * guarantees paperfeed relies on:
 *
 * <ul>
 *   <li>{@link #producer}: idempotent, {@code acks=all}, lz4: a send acknowledged is durable, once;</li>
 *   <li>{@link #reader}: no group, no commits, {@code read_committed}: reads what the exactly-once
 *       streams app committed, moves no one's offsets;</li>
 *   <li>{@link #groupConsumer}: a group member, {@code read_committed}, manual commits (after delivery),
 *       from the earliest record when the group has no offset yet;</li>
 *   <li>{@link #admin} and {@link #streamsProperties} (the base Kafka Streams adds its own settings to).</li>
 * </ul>
 *
 * Per-call overrides win over the defaults, and the extra client properties win over both, so an
 * operator's file always has the last word.
 */
public final class KafkaClients {

    private final String bootstrapServers;
    private final Map<String, Object> clientProperties;

    public KafkaClients(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /**
     * @param clientProperties applied to every client (e.g. {@code security.protocol}, {@code sasl.*},
     *                         {@code ssl.*}); a {@code bootstrap.servers} among them is refused, as the
     *                         bootstrap servers have their own setting
     */
    public KafkaClients(String bootstrapServers, Map<String, ?> clientProperties) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (clientProperties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("bootstrap.servers belongs in --bootstrap-servers, not in the client properties");
        }
        this.clientProperties = Map.copyOf(clientProperties);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The properties every client gets: the bootstrap servers and the extra client properties. */
    public Map<String, Object> common() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(clientProperties);
        return config;
    }

    /** The configuration of {@link #producer}. */
    public Map<String, Object> producerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return finish(config, overrides);
    }

    public <K, V> Producer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values) {
        return producer(clientId, keys, values, Map.of());
    }

    public <K, V> Producer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values,
                                          Map<String, ?> overrides) {
        return new KafkaProducer<>(producerConfig(clientId, overrides), keys, values);
    }

    /** The configuration of {@link #reader}. */
    public Map<String, Object> readerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return finish(config, overrides);
    }

    /** A consumer without a group, to be assigned partitions: read committed, nothing committed. */
    public <K, V> Consumer<K, V> reader(String clientId, Deserializer<K> keys, Deserializer<V> values) {
        return reader(clientId, keys, values, Map.of());
    }

    public <K, V> Consumer<K, V> reader(String clientId, Deserializer<K> keys, Deserializer<V> values,
                                        Map<String, ?> overrides) {
        return new KafkaConsumer<>(readerConfig(clientId, overrides), keys, values);
    }

    /** The configuration of {@link #groupConsumer}. */
    public Map<String, Object> groupConsumerConfig(String groupId, String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>(readerConfig(clientId, Map.of()));
        config.remove(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        return finish(config, overrides);
    }

    /** A member of a consumer group: read committed, offsets committed by the caller after delivery. */
    public <K, V> Consumer<K, V> groupConsumer(String groupId, String clientId, Deserializer<K> keys,
                                               Deserializer<V> values, Map<String, ?> overrides) {
        return new KafkaConsumer<>(groupConsumerConfig(groupId, clientId, overrides), keys, values);
    }

    public Admin admin() {
        return Admin.create(common());
    }

    /** The properties Kafka Streams starts from (its own settings go on top); they reach all its clients. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(common());
        return p;
    }

    private Map<String, Object> finish(Map<String, Object> defaults, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>(defaults);
        config.putAll(overrides);
        config.putAll(common());
        return config;
    }

    /** The extra client properties' names (never their values: they may hold secrets). */
    @Override
    public String toString() {
        return "KafkaClients[" + bootstrapServers + ", client properties " + clientProperties.keySet() + "]";
    }
}
