package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.streams.classify.TopicDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The subscription API and the event streams, as handlers to mount on an HTTP server
 * ({@link #routes()}: path → handler). Opening it starts the subscription view; closing it stops the
 * view, the writer and every stream reader.
 */
public final class PaperfeedApi implements AutoCloseable {

    private final SubscriptionView view;
    private final SubscriptionWriter writer;
    private final EventStreams streams;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    public PaperfeedApi(ApiSettings settings, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        this.streams = new EventStreams(settings.sse(), registry);
        this.view = new SubscriptionView(settings.bootstrapServers(), registry);
        this.writer = new SubscriptionWriter(settings.bootstrapServers());
        SubscriptionRequests requests = new SubscriptionRequests(settings.taxonomy().topics().stream()
                .map(TopicDefinition::id).collect(Collectors.toSet()));
        routes.put(SubscriptionsHandler.MOUNT, new SubscriptionsHandler(new BearerAuth(settings.apiToken()), requests,
                view, writer, streams, settings.builtInSubscriptions(), metrics));
        routes.put(TopicsHandler.MOUNT, new TopicsHandler(settings.taxonomy(), streams, metrics));
    }

    /** {@code /subscriptions} and {@code /topics}, each serving everything under it. */
    public Map<String, HttpHandler> routes() {
        return Map.copyOf(routes);
    }

    @Override
    public void close() {
        streams.close();
        writer.close();
        view.close();
    }
}
