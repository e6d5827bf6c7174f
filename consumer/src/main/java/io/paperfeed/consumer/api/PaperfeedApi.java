package io.paperfeed.consumer.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.subscriptions.FeedbackPublisher;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.like.LikeResolver;
import io.paperfeed.subscriptions.like.PaperLookup;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/**
 * The subscription API and the event streams, as Jetty core handlers to mount on an HTTP server
 * ({@link #routes()}: path → handler, or {@link #handler()}). It reads subscriptions from the process's
 * {@link SubscriptionView} (not owned: its owner starts and closes it) and writes them with a
 * {@link SubscriptionPublisher} of its own; like lists and ratings find papers by id in the process's
 * recent papers (a {@link PaperLookup}, not owned either: the process reads them once, for the preview
 * too). Closing it stops the publisher and every stream reader.
 */
public final class PaperfeedApi implements AutoCloseable {

    private final SubscriptionPublisher publisher;
    private final FeedbackPublisher feedback;
    private final PaperRatings ratings;
    private final EventStreams streams;
    private final Map<String, Handler> routes = new LinkedHashMap<>();

    /** @param recentPapers what like lists and ratings resolve paper ids against (the recent papers) */
    public PaperfeedApi(ApiSettings settings, SubscriptionView view, PaperLookup recentPapers, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        SubscriptionValidator validator = SubscriptionValidator.of(settings.taxonomy());
        this.streams = new EventStreams(settings.sse(), registry);
        this.publisher = SubscriptionPublisher.open(settings.sse().clients(), "paperfeed-api", view.topic(), validator,
                settings.secrets());
        this.feedback = FeedbackPublisher.open(settings.sse().clients(), "paperfeed-api-feedback");
        Supplier<LikeResolver> resolvers = new Supplier<>() {
            private LikeResolver resolver;

            @Override
            public synchronized LikeResolver get() { // the embedding model loads on the first like list or rating
                if (resolver == null) {
                    resolver = new LikeResolver(MiniLmEmbedder.shared(), recentPapers);
                }
                return resolver;
            }
        };
        this.ratings = new PaperRatings(resolvers, feedback, Clock.systemUTC());
        SubscriptionRequests requests = new SubscriptionRequests(validator, resolvers);
        routes.put(SubscriptionsHandler.MOUNT, new SubscriptionsHandler(new BearerAuth(settings.apiToken()),
                requests, view, publisher, streams, settings.builtInSubscriptions(),
                new ProfileRequests(view, requests, resolvers, ratings, feedback), metrics));
        routes.put(TopicsHandler.MOUNT, new TopicsHandler(settings.taxonomy(), streams, metrics));
    }

    /** How papers are rated: the rating links of mails and feeds rate through it too ({@link ReaderApi}). */
    public PaperRatings ratings() {
        return ratings;
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
        feedback.close();
    }
}
