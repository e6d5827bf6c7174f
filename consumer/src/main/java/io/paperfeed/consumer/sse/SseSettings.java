package io.paperfeed.consumer.sse;

import io.paperfeed.kafka.KafkaClients;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the event streams.
 *
 * @param clients        the Kafka to read
 * @param heartbeat      how often an idle stream gets a {@code : heartbeat} comment (15 s by default)
 * @param clientBuffer   live events a client may fall behind before it is dropped as too slow
 * @param maxClients     open streams at most; one more is answered 503 with Retry-After
 * @param windowEvents   latest events per stream kept in memory, so that most clients replay without
 *                       reading Kafka (at most {@code windowBytes} of them)
 * @param windowBytes    bytes of framed events per stream's window at most
 * @param catchUpReaders Kafka consumers shared by every client that needs history older than its
 *                       stream's window
 * @param stallTimeout   how long a client catching up may take nothing before it is dropped
 */
public record SseSettings(KafkaClients clients, Duration heartbeat, int clientBuffer, int maxClients,
                          int windowEvents, long windowBytes, int catchUpReaders, Duration stallTimeout) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_CLIENT_BUFFER = 1024;
    public static final int DEFAULT_MAX_CLIENTS = 5_000;
    public static final int DEFAULT_WINDOW_EVENTS = 2_048;
    public static final long DEFAULT_WINDOW_BYTES = 8L * 1024 * 1024;
    public static final int DEFAULT_CATCH_UP_READERS = 2;
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public SseSettings {
        Objects.requireNonNull(clients, "clients");
        positive(heartbeat, "heartbeat");
        positive(stallTimeout, "stallTimeout");
        if (clientBuffer < 1 || maxClients < 1 || windowEvents < 1 || windowBytes < 1 || catchUpReaders < 1) {
            throw new IllegalArgumentException("clientBuffer, maxClients, windowEvents, windowBytes and catchUpReaders "
                    + "must be at least 1");
        }
    }

    public SseSettings(KafkaClients clients, Duration heartbeat, int clientBuffer, int maxClients) {
        this(clients, heartbeat, clientBuffer, maxClients, DEFAULT_WINDOW_EVENTS, DEFAULT_WINDOW_BYTES,
                DEFAULT_CATCH_UP_READERS, DEFAULT_STALL_TIMEOUT);
    }

    public SseSettings(KafkaClients clients, Duration heartbeat, int clientBuffer) {
        this(clients, heartbeat, clientBuffer, DEFAULT_MAX_CLIENTS);
    }

    public static SseSettings defaults(KafkaClients clients) {
        return new SseSettings(clients, DEFAULT_HEARTBEAT, DEFAULT_CLIENT_BUFFER);
    }

    /** These settings with another window size (events). */
    public SseSettings withWindow(int events) {
        return new SseSettings(clients, heartbeat, clientBuffer, maxClients, events, windowBytes, catchUpReaders,
                stallTimeout);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
