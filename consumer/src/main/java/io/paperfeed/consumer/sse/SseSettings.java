package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the event streams.
 *
 * @param clients          the Kafka to read
 * @param heartbeat        how often an idle stream gets a {@code : heartbeat} comment (15 s by default)
 * @param clientBuffer     events a client may fall behind before it is dropped as too slow
 * @param maxClients       open streams at most (each holds a thread, and a catch-up reader while it
 *                         replays); one more is answered 503 with Retry-After
 */
public record SseSettings(KafkaClients clients, Duration heartbeat, int clientBuffer, int maxClients) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_CLIENT_BUFFER = 1024;
    public static final int DEFAULT_MAX_CLIENTS = 5_000;

    public SseSettings {
        Objects.requireNonNull(clients, "clients");
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("clientBuffer must be at least 1: " + clientBuffer);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
        }
    }

    public SseSettings(KafkaClients clients, Duration heartbeat, int clientBuffer) {
        this(clients, heartbeat, clientBuffer, DEFAULT_MAX_CLIENTS);
    }

    public static SseSettings defaults(KafkaClients clients) {
        return new SseSettings(clients, DEFAULT_HEARTBEAT, DEFAULT_CLIENT_BUFFER);
    }
}
