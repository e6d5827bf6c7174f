package io.paperfeed.consumer.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.mail.UnsubscribeLinks;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What people read, on the API's server (Jetty core handlers): the Atom feeds
 * ({@code /topics/{id}/feed.atom}, {@code /subscriptions/{id}/feed.atom?token=…}), the preview
 * ({@code POST /subscriptions/preview}), the one-click unsubscribe of mails ({@code /unsubscribe}), the rating
 * links under each paper of mails and subscription feeds ({@code /rate}) and the subscription page ({@code /subscribe}). {@link #routes} adds these to the API's routes, in front of its
 * {@code /subscriptions} handler, which serves everything else there as before.
 *
 * <p>A subscription's feed opens with the subscription's read token (feed readers send no headers, so
 * it comes as {@code ?token=}) or the API token; an unknown subscription is 404, a missing or wrong
 * token 401. The built-in subscriptions' feeds are public, as their event streams are.
 */
public final class ReaderApi implements AutoCloseable {

    private final FeedEndpoints feeds;
    private final BearerAuth admin;
    private final SubscriptionView view;
    private final Set<String> builtIn;
    private final SubscriptionPublisher publisher;
    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private final ApiHandler subscriptionFeeds;

    /**
     * @param builtIn   subscriptions without a record (the streams app's {@code all-papers}), whose feeds are public
     * @param ratingLinks the links under each paper of a subscription's feed, answered at {@code /rate}
     * @param ratings   what those links rate through (the API's)
     * @param publisher disables a subscription when its unsubscribe link is used (closed with this)
     */
    public ReaderApi(Taxonomy taxonomy, String apiToken, AtomFeeds atomFeeds, SubscriptionPreview preview,
                     UnsubscribeLinks unsubscribe, RatingLinks ratingLinks, PaperRatings ratings, SubscriptionView view,
                     Set<String> builtIn, SubscriptionPublisher publisher, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        this.feeds = new FeedEndpoints(atomFeeds, ratingLinks);
        this.admin = new BearerAuth(apiToken);
        this.view = view;
        this.builtIn = Set.copyOf(builtIn);
        this.publisher = publisher;
        SubscriptionValidator validator = SubscriptionValidator.of(taxonomy);
        Counter unsubscribed = Counter.builder("paperfeed.mail.unsubscribed")
                .description("Subscriptions disabled by the unsubscribe link of a mail").register(registry);
        routes.put(PreviewEndpoint.MOUNT, new PreviewEndpoint(admin,
                new SubscriptionRequests(validator, PreviewEndpoint::refuseLikeList), preview, metrics));
        routes.put(UnsubscribeEndpoint.MOUNT, new UnsubscribeEndpoint(unsubscribe, view, publisher, Clock.systemUTC(),
                metrics, unsubscribed::increment));
        routes.put(RateEndpoint.MOUNT, new RateEndpoint(ratingLinks, view, ratings, metrics));
        routes.put(SubscribePage.MOUNT, new SubscribePage(metrics));
        for (var topic : taxonomy.topics()) {
            String path = "/topics/" + topic.id() + "/feed.atom";
            routes.put(path, new ApiHandler(path, metrics) {
                @Override
                void handle(Exchange exchange, List<String> segments) {
                    ApiHandler.requireNoSubpath(exchange, segments);
                    feeds.topic(exchange, topic.id());
                }
            });
        }
        this.subscriptionFeeds = new ApiHandler(SubscriptionsHandler.MOUNT, metrics) {
            @Override
            void handle(Exchange exchange, List<String> segments) {
                subscriptionFeed(exchange, segments.get(0));
            }
        };
    }

    /**
     * The API's routes with these added: {@code /subscriptions/{id}/feed.atom} answered here, everything
     * else under {@code /subscriptions} by the API's own handler.
     */
    public Map<String, Handler> routes(Map<String, Handler> api) {
        Map<String, Handler> all = new LinkedHashMap<>(api);
        Handler subscriptions = api.get(SubscriptionsHandler.MOUNT);
        all.put(SubscriptionsHandler.MOUNT, new Handler.Wrapper(subscriptions) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String[] parts = Request.getPathInContext(request).split("/");
                if (parts.length == 4 && parts[3].equals("feed.atom")) {
                    return subscriptionFeeds.handle(request, response, callback);
                }
                return super.handle(request, response, callback);
            }
        });
        all.putAll(routes);
        return all;
    }

    private void subscriptionFeed(Exchange exchange, String id) {
        ApiHandler.requireMethod(exchange, "/subscriptions/" + id + "/feed.atom", "GET", "HEAD");
        if (builtIn.contains(id)) {
            FeedEndpoints.write(exchange, feeds.feeds().subscription(id, id, "every new paper",
                    FeedEndpoints.conditional(exchange)), "public, no-cache");
            return;
        }
        Optional<Subscription> subscription = view.get(id);
        if (subscription.isEmpty()) {
            throw ApiError.notFound("no subscription " + id);
        }
        String token = exchange.query("token");
        if (token == null || !(ReadTokens.matches(token, subscription.get().readTokenHash()) || admin.matches(token))) {
            throw new ApiError(401, "unauthorized", token == null
                    ? "a subscription's feed needs its read token: /subscriptions/" + id + "/feed.atom?token=<read token>"
                    : "wrong token for this subscription's feed");
        }
        feeds.subscription(exchange, subscription.get());
    }

    @Override
    public void close() {
        publisher.close();
    }
}
