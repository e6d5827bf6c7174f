package io.paperfeed.consumer.sse;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the event streams.
 *
 * @param bootstrapServers the Kafka to read
 * @param heartbeat        how often an idle stream gets a {@code : heartbeat} comment (15 s by default)
 * @param clientBuffer     events a client may fall behind before it is dropped as too slow
 */
public record SseSettings(String bootstrapServers, Duration heartbeat, int clientBuffer) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_CLIENT_BUFFER = 1024;

    public SseSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("clientBuffer must be at least 1: " + clientBuffer);
        }
    }

    public static SseSettings defaults(String bootstrapServers) {
        return new SseSettings(bootstrapServers, DEFAULT_HEARTBEAT, DEFAULT_CLIENT_BUFFER);
    }
}
