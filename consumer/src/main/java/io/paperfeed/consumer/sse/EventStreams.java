package io.paperfeed.consumer.sse;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.topics.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Serves Server-Sent Events streams of Kafka topics: one {@link StreamHub} (one Kafka reader) per
 * topic, started with its first client and kept while the process runs; each client is written by
 * the HTTP exchange's own thread.
 */
public final class EventStreams implements AutoCloseable {

    private final SseSettings settings;
    /** Open streams, at most {@link SseSettings#maxClients()}. */
    private final Semaphore open;
    private final SseMetrics metrics;
    private final Map<String, StreamHub> hubs = new ConcurrentHashMap<>();

    public EventStreams(SseSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.open = new Semaphore(settings.maxClients());
        this.metrics = new SseMetrics(registry);
    }

    /** {@code GET /topics/{id}/events}: every paper on {@code kafkaTopic}. */
    public void serveTopic(HttpExchange exchange, String kafkaTopic) throws IOException {
        serve(exchange, StreamKind.TOPIC, kafkaTopic, null);
    }

    /** {@code GET /subscriptions/{id}/events}: the alerts keyed by the subscription id. */
    public void serveSubscription(HttpExchange exchange, String subscriptionId) throws IOException {
        serve(exchange, StreamKind.SUBSCRIPTION, Topics.ALERTS.name(), subscriptionId);
    }

    /**
     * Answers with {@code text/event-stream} and writes until the client leaves; returns when it has.
     *
     * @throws StreamUnavailableException before anything is written, when the topic cannot be read
     * @throws IllegalArgumentException   before anything is written, for a malformed {@code Last-Event-ID}
     */
    private void serve(HttpExchange exchange, StreamKind kind, String kafkaTopic, String keyFilter) throws IOException {
        if (!open.tryAcquire()) {
            throw new StreamUnavailableException("too many event-stream clients (" + settings.maxClients()
                    + "); try again later");
        }
        try {
            serveAdmitted(exchange, kind, kafkaTopic, keyFilter);
        } finally {
            open.release();
        }
    }

    private void serveAdmitted(HttpExchange exchange, StreamKind kind, String kafkaTopic, String keyFilter)
            throws IOException {
        StreamHub hub = hubs.compute(kafkaTopic, (topic, existing) ->
                existing != null && existing.alive() ? existing : new StreamHub(settings.clients(), topic,
                        kind.eventName()));
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        StreamPosition from = lastEventId == null || lastEventId.isBlank()
                ? StreamPosition.beginning(hub.partitions())
                : StreamPosition.parse(lastEventId, hub.partitions());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        SseClient client = new SseClient(kind, keyFilter, settings.clientBuffer(), metrics);
        try (OutputStream out = exchange.getResponseBody()) {
            client.serve(out, hub, from, settings.heartbeat(), settings.clients());
        } catch (IOException closingABrokenStream) {
            // the client is gone; nothing to tell it
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        hubs.values().forEach(StreamHub::close);
        hubs.clear();
    }
}
