package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subscription API and the event streams, as handlers to mount on an HTTP server
 * ({@link #routes()}: path → handler). It reads subscriptions from the process's
 * {@link SubscriptionView} (not owned: its owner starts and closes it) and writes them with a
 * {@link SubscriptionPublisher} of its own; closing it stops the publisher and every stream reader.
 */
public final class PaperfeedApi implements AutoCloseable {

    private final SubscriptionPublisher publisher;
    private final EventStreams streams;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    public PaperfeedApi(ApiSettings settings, SubscriptionView view, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        SubscriptionValidator validator = SubscriptionValidator.of(settings.taxonomy());
        this.streams = new EventStreams(settings.sse(), registry);
        this.publisher = SubscriptionPublisher.open(settings.sse().clients(), "paperfeed-api", view.topic(), validator);
        routes.put(SubscriptionsHandler.MOUNT, new SubscriptionsHandler(new BearerAuth(settings.apiToken()),
                new SubscriptionRequests(validator), view, publisher, streams, settings.builtInSubscriptions(), metrics));
        routes.put(TopicsHandler.MOUNT, new TopicsHandler(settings.taxonomy(), streams, metrics));
    }

    /** {@code /subscriptions} and {@code /topics}, each serving everything under it. */
    public Map<String, HttpHandler> routes() {
        return Map.copyOf(routes);
    }

    @Override
    public void close() {
        streams.close();
        publisher.close();
    }
}
