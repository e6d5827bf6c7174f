package io.paperfeed.consumer.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings of webhook delivery.
 *
 * @param groupId        consumer group of {@code paperfeed.alerts}; the retry worker uses {@code groupId + "-retry"}
 * @param allowLoopback  let webhooks reach loopback addresses (tests, local receivers); all other private
 *                       ranges stay refused
 * @param concurrency    requests in flight at once (and HTTP connections in the pool)
 * @param connectTimeout TCP (and TLS) connect timeout; default 5 s
 * @param requestTimeout deadline of a whole request, answer included; default 15 s
 */
public record WebhookSettings(String bootstrapServers, String groupId, boolean allowLoopback, RetrySchedule schedule,
        WebhookTopicNames topics, int concurrency, Duration connectTimeout, Duration requestTimeout) {

    public static final String DEFAULT_GROUP_ID = "paperfeed-webhooks";

    public WebhookSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        schedule = schedule == null ? RetrySchedule.STANDARD : schedule;
        topics = topics == null ? WebhookTopicNames.defaults() : topics;
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
    }

    /** The defaults: group {@code paperfeed-webhooks}, the standard schedule, 32 requests at once, 5 s / 15 s. */
    public static WebhookSettings of(String bootstrapServers, boolean allowLoopback) {
        return new WebhookSettings(bootstrapServers, DEFAULT_GROUP_ID, allowLoopback, null, null, 32, null, null);
    }

    /** Manual commits, read_committed, from the earliest record. */
    Properties consumerProperties(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return p;
    }

    /** Idempotent, acks from all replicas: a send acknowledged is durable. */
    Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
