package io.paperfeed.consumer.sse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SSE meters, registered at start (value 0): {@code paperfeed.sse.clients} (gauge),
 * {@code paperfeed.sse.events} and {@code paperfeed.sse.dropped} (counters), each tagged
 * {@code stream=topic|subscription}.
 */
final class SseMetrics {

    private final Map<StreamKind, AtomicInteger> clients = new EnumMap<>(StreamKind.class);
    private final Map<StreamKind, Counter> events = new EnumMap<>(StreamKind.class);
    private final Map<StreamKind, Counter> dropped = new EnumMap<>(StreamKind.class);

    SseMetrics(MeterRegistry registry) {
        for (StreamKind kind : StreamKind.values()) {
            AtomicInteger count = new AtomicInteger();
            clients.put(kind, count);
            Gauge.builder("paperfeed.sse.clients", count, AtomicInteger::get)
                    .description("Clients connected to Server-Sent Events streams")
                    .tag("stream", kind.tag()).register(registry);
            events.put(kind, Counter.builder("paperfeed.sse.events")
                    .description("Events written to Server-Sent Events clients")
                    .tag("stream", kind.tag()).register(registry));
            dropped.put(kind, Counter.builder("paperfeed.sse.dropped")
                    .description("Server-Sent Events clients dropped because their buffer was full (too slow)")
                    .tag("stream", kind.tag()).register(registry));
        }
    }

    void connected(StreamKind kind) {
        clients.get(kind).incrementAndGet();
    }

    void disconnected(StreamKind kind) {
        clients.get(kind).decrementAndGet();
    }

    void written(StreamKind kind) {
        events.get(kind).increment();
    }

    void dropped(StreamKind kind) {
        dropped.get(kind).increment();
    }
}
