package io.paperfeed.consumer.api;

import org.eclipse.jetty.server.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subscription API and the event streams, as Jetty core handlers to mount on an HTTP server
 * ({@link #routes()}: path → handler, or {@link #handler()}). It reads subscriptions from the process's
 * {@link SubscriptionView} (not owned: its owner starts and closes it) and writes them with a
 * {@link SubscriptionPublisher} of its own; closing it stops the publisher and every stream reader.
 */
public final class PaperfeedApi implements AutoCloseable {

    private final SubscriptionPublisher publisher;
    private final EventStreams streams;
    private final Map<String, Handler> routes = new LinkedHashMap<>();

    public PaperfeedApi(ApiSettings settings, SubscriptionView view, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        SubscriptionValidator validator = SubscriptionValidator.of(settings.taxonomy());
        this.streams = new EventStreams(settings.sse(), registry);
        this.publisher = SubscriptionPublisher.open(settings.sse().clients(), "paperfeed-api", view.topic(), validator,
                settings.secrets());
        routes.put(SubscriptionsHandler.MOUNT, new SubscriptionsHandler(new BearerAuth(settings.apiToken()),
                new SubscriptionRequests(validator), view, publisher, streams, settings.builtInSubscriptions(), metrics));
        routes.put(TopicsHandler.MOUNT, new TopicsHandler(settings.taxonomy(), streams, metrics));
    }

    /** {@code /subscriptions} and {@code /topics}, each serving everything under it. */
    public Map<String, Handler> routes() {
        return Map.copyOf(routes);
    }

    /**
     * Both routes as one Jetty handler, which leaves every other path to the next handler: the
     * routing the server and the tests share.
     */
    public Handler handler() {
        return new Handler.Sequence(routes.values().toArray(Handler[]::new));
    }

    @Override
    public void close() {
        streams.close();
        publisher.close();
    }
}
