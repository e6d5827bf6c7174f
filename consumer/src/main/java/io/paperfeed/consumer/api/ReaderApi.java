package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.atom.AtomFeeds;
import io.paperfeed.consumer.atom.ConditionalRequest;
import io.paperfeed.consumer.mail.UnsubscribeLinks;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What people read, on the API's server: the Atom feeds ({@code /topics/{id}/feed.atom},
 * {@code /subscriptions/{id}/feed.atom?token=…}), the preview ({@code POST /subscriptions/preview}), the
 * one-click unsubscribe of mails ({@code /unsubscribe}) and the subscription page ({@code /subscribe}).
 * {@link #routes} adds these to the API's routes, in front of its {@code /subscriptions} and {@code /topics}
 * handlers, which serve everything else as before.
 */
public final class ReaderApi implements AutoCloseable {

    private final FeedEndpoints feeds;
    private final AtomFeedsAccess access;
    private final SubscriptionView view;
    private final Set<String> builtIn;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
    private final SubscriptionPublisher publisher;

    /**
     * @param feedToken how a subscription's feed is opened: the token given in {@code ?token=}
     * @param builtIn   subscriptions without a record (the streams app's {@code all-papers}), whose feeds are public
     */
    public ReaderApi(Taxonomy taxonomy, String apiToken, AtomFeeds atomFeeds, SubscriptionPreview preview,
                     UnsubscribeLinks unsubscribe, AtomFeedsAccess feedToken, SubscriptionView view, Set<String> builtIn,
                     SubscriptionPublisher publisher, MeterRegistry registry) {
        ApiMetrics metrics = new ApiMetrics(registry);
        this.feeds = new FeedEndpoints(atomFeeds);
        this.access = feedToken;
        this.view = view;
        this.builtIn = Set.copyOf(builtIn);
        this.publisher = publisher;
        SubscriptionValidator validator = SubscriptionValidator.of(taxonomy);
        BearerAuth auth = new BearerAuth(apiToken);
        Counter unsubscribed = Counter.builder("paperfeed.mail.unsubscribed")
                .description("Subscriptions disabled by the unsubscribe link of a mail").register(registry);
        routes.put(PreviewEndpoint.MOUNT, new PreviewEndpoint(auth, new SubscriptionRequests(validator), preview, metrics));
        routes.put(UnsubscribeEndpoint.MOUNT, new UnsubscribeEndpoint(unsubscribe, view, publisher, Clock.systemUTC(),
                metrics, unsubscribed::increment));
        routes.put(SubscribePage.MOUNT, new SubscribePage(metrics));
        for (var topic : taxonomy.topics()) {
            String path = "/topics/" + topic.id() + "/feed.atom";
            routes.put(path, new ApiHandler(path, metrics) {
                @Override
                void handle(HttpExchange exchange, List<String> segments) throws IOException {
                    if (!segments.isEmpty()) {
                        throw ApiError.notFound("no such resource: " + exchange.getRequestURI().getPath());
                    }
                    feeds.topic(exchange, topic.id());
                }
            });
        }
        this.subscriptionFeeds = new ApiHandler("/subscriptions", metrics) {
            @Override
            void handle(HttpExchange exchange, List<String> segments) throws IOException {
                subscriptionFeed(exchange, segments.get(0));
            }
        };
    }

    /** How a subscription's feed is opened: whether {@code token} opens the feed of {@code subscription}. */
    @FunctionalInterface
    public interface AtomFeedsAccess {
        boolean opens(Subscription subscription, String token);
    }

    private final ApiHandler subscriptionFeeds;

    /**
     * The API's routes with these added: {@code /subscriptions/{id}/feed.atom} answered here, everything
     * else under {@code /subscriptions} by the API's own handler.
     */
    public Map<String, HttpHandler> routes(Map<String, HttpHandler> api) {
        Map<String, HttpHandler> all = new LinkedHashMap<>(api);
        HttpHandler subscriptions = api.get(SubscriptionsHandler.MOUNT);
        all.put(SubscriptionsHandler.MOUNT, exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length == 4 && parts[3].equals("feed.atom")) {
                subscriptionFeeds.handle(exchange);
            } else {
                subscriptions.handle(exchange);
            }
        });
        all.putAll(routes);
        return all;
    }

    private void subscriptionFeed(HttpExchange exchange, String id) throws IOException {
        if (builtIn.contains(id)) {
            ApiHandler.requireMethod(exchange, "/subscriptions/" + id + "/feed.atom", "GET", "HEAD");
            FeedEndpoints.write(exchange, atomFeeds().subscription(id, id, "every new paper", conditional(exchange)),
                    "public, no-cache");
            return;
        }
        Optional<Subscription> subscription = view.get(id);
        if (subscription.isEmpty()) {
            throw ApiError.notFound("no subscription " + id);
        }
        String token = QueryParameters.first(exchange.getRequestURI().getRawQuery(), "token");
        if (!access.opens(subscription.get(), token)) {
            throw new ApiError(401, "unauthorized", token == null
                    ? "a subscription's feed needs its read token: /subscriptions/" + id + "/feed.atom?token=<read token>"
                    : "wrong token for this subscription's feed");
        }
        feeds.subscription(exchange, subscription.get());
    }

    private AtomFeeds atomFeeds() {
        return feeds.feeds();
    }

    private static ConditionalRequest conditional(HttpExchange exchange) {
        return FeedEndpoints.conditional(exchange);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
