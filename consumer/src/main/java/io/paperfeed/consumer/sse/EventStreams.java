package io.paperfeed.consumer.sse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.model.topics.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves Server-Sent Events streams of Kafka topics: one {@link StreamHub} (one Kafka reader and a
 * window of recent events) per topic, started with its first client and kept while the process runs;
 * {@link CatchUpReaders} shared by every client that needs older history; one ticker thread for
 * every client's heartbeats. No client has a thread: each is written asynchronously ({@link SseClient}).
 */
public final class EventStreams implements AutoCloseable {

    private final SseSettings settings;
    /** Open streams, at most {@link SseSettings#maxClients()}. */
    private final Semaphore open;
    private final SseMetrics metrics;
    private final Map<String, StreamHub> hubs = new ConcurrentHashMap<>();
    private final Map<SseClient, Boolean> clients = new ConcurrentHashMap<>();
    private final CatchUpReaders catchUp;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperfeed-sse-heartbeats");
        t.setDaemon(true);
        return t;
    });

    public EventStreams(SseSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.open = new Semaphore(settings.maxClients());
        this.metrics = new SseMetrics(registry);
        this.catchUp = new CatchUpReaders(settings.clients(), settings.catchUpReaders(), settings.stallTimeout());
        Gauge.builder("paperfeed.sse.catchups", catchUp, CatchUpReaders::pending)
                .description("Event-stream clients reading history older than their stream's in-memory window")
                .register(registry);
        long tick = Math.max(1, settings.heartbeat().toMillis() / 4);
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** {@code GET /topics/{id}/events}: every paper on {@code kafkaTopic}. */
    public void serveTopic(Request request, Response response, Callback callback, String kafkaTopic) {
        serve(request, response, callback, StreamKind.TOPIC, kafkaTopic, null);
    }

    /** {@code GET /subscriptions/{id}/events}: the alerts keyed by the subscription id. */
    public void serveSubscription(Request request, Response response, Callback callback, String subscriptionId) {
        serve(request, response, callback, StreamKind.SUBSCRIPTION, Topics.ALERTS.name(), subscriptionId);
    }

    /**
     * Answers with {@code text/event-stream} and returns at once; the stream completes {@code callback}
     * when the client leaves, is dropped, or the server stops.
     *
     * @throws StreamUnavailableException before anything is written, when the topic cannot be read or
     *                                    too many streams are open
     * @throws IllegalArgumentException   before anything is written, for a malformed {@code Last-Event-ID}
     */
    private void serve(Request request, Response response, Callback callback, StreamKind kind, String kafkaTopic,
                       String keyFilter) {
        if (!open.tryAcquire()) {
            throw new StreamUnavailableException("too many event-stream clients (" + settings.maxClients()
                    + "); try again later");
        }
        StreamHub hub;
        StreamPosition from;
        try {
            hub = hubs.compute(kafkaTopic, (topic, existing) ->
                    existing != null && existing.alive() ? existing : new StreamHub(settings.clients(), topic,
                            kind.eventName(), settings));
            String lastEventId = request.getHeaders().get("Last-Event-ID");
            from = lastEventId == null || lastEventId.isBlank()
                    ? StreamPosition.beginning(hub.partitions())
                    : StreamPosition.parse(lastEventId, hub.partitions());
        } catch (RuntimeException e) {
            open.release();
            throw e;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        SseClient client = new SseClient(kind, keyFilter, settings, metrics, response, callback, from, ended -> {
            hub.leave(ended);
            clients.remove(ended);
            open.release();
        });
        clients.put(client, Boolean.TRUE);
        StreamHub.Joined joined = hub.join(client, from);
        client.start(joined);
        request.addFailureListener(client::end);
        request.addIdleTimeoutListener(timeout -> {
            client.end(timeout);
            return true;
        });
        if (joined.catchUpUntil() != null) {
            catchUp.submit(client, hub, from, joined.catchUpUntil());
        }
    }

    private void tick() {
        long now = System.nanoTime();
        clients.keySet().forEach(client -> client.tick(now));
    }

    /** Open streams now. */
    public int openStreams() {
        return clients.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        catchUp.close();
        hubs.values().forEach(StreamHub::close);
        hubs.clear();
        clients.keySet().forEach(SseClient::end);
    }
}
