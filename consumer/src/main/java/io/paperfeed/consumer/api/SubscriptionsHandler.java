package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpExchange;
import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code /subscriptions}: {@code GET} lists, {@code POST} creates or replaces; {@code /subscriptions/{id}}:
 * {@code GET}, {@code DELETE} (a tombstone); {@code /subscriptions/{id}/events}: the alerts as SSE;
 * {@code /subscriptions/{id}/feedback} and {@code /library}: what teaches its profile ({@link ProfileRequests}).
 * Every call needs the bearer token. A write answers once the view shows it (read-your-writes).
 */
final class SubscriptionsHandler extends ApiHandler {

    static final String MOUNT = "/subscriptions";
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final BearerAuth auth;
    private final SubscriptionRequests requests;
    private final SubscriptionView view;
    private final SubscriptionPublisher publisher;
    private final EventStreams streams;
    private final Set<String> builtIn;
    private final ProfileRequests profiles;

    /** Writes a subscription and waits until the view shows it. */
    @FunctionalInterface
    interface Writer {
        void put(Subscription subscription) throws InterruptedException;
    }

    SubscriptionsHandler(BearerAuth auth, SubscriptionRequests requests, SubscriptionView view,
                         SubscriptionPublisher publisher, EventStreams streams, Set<String> builtIn,
                         ProfileRequests profiles, ApiMetrics metrics) {
        super(MOUNT, metrics);
        this.profiles = profiles;
        this.auth = auth;
        this.requests = requests;
        this.view = view;
        this.publisher = publisher;
        this.streams = streams;
        this.builtIn = Set.copyOf(builtIn);
    }

    @Override
    void handle(HttpExchange exchange, List<String> segments) throws IOException, InterruptedException {
        boolean builtInStream = segments.size() == 2 && segments.get(1).equals("events") && builtIn.contains(segments.get(0));
        if (!builtInStream) {
            auth.check(exchange); // a built-in subscription's alerts reveal no one's query (the status page reads them)
        }
        if (segments.isEmpty()) {
            requireMethod(exchange, MOUNT, "GET", "POST");
            if (exchange.getRequestMethod().equals("GET")) {
                HttpResponses.json(exchange, 200, view.all());
            } else {
                create(exchange);
            }
            return;
        }
        String id = segments.get(0);
        String path = MOUNT + "/" + id;
        if (segments.size() == 1) {
            requireMethod(exchange, path, "GET", "DELETE");
            Subscription existing = view.get(id).orElseThrow(() -> ApiError.notFound("no subscription " + id));
            if (exchange.getRequestMethod().equals("GET")) {
                HttpResponses.json(exchange, 200, existing);
            } else {
                await(() -> publisher.delete(id), id);
                exchange.sendResponseHeaders(204, -1);
            }
        } else if (segments.size() == 2 && segments.get(1).equals("events")) {
            requireMethod(exchange, path + "/events", "GET");
            if (!builtIn.contains(id) && view.get(id).isEmpty()) {
                throw ApiError.notFound("no subscription " + id);
            }
            EventStreamRequests.serve(() -> streams.serveSubscription(exchange, id));
        } else if (segments.size() == 2 && segments.get(1).equals("feedback")) {
            requireMethod(exchange, path + "/feedback", "POST");
            profiles.rate(exchange, id);
        } else if (segments.size() == 3 && segments.get(1).equals("feedback")) {
            requireMethod(exchange, path + "/feedback/" + segments.get(2), "DELETE");
            profiles.withdraw(exchange, id, segments.get(2));
        } else if (segments.size() == 2 && segments.get(1).equals("library")) {
            requireMethod(exchange, path + "/library", "POST");
            requireNotBuiltIn(id);
            profiles.upload(exchange, id, s -> await(() -> publisher.put(s), s.id()));
        } else {
            throw ApiError.notFound("no such resource: " + exchange.getRequestURI().getPath());
        }
    }

    private void create(HttpExchange exchange) throws IOException, InterruptedException {
        Subscription subscription = requests.parse(RequestBodies.readJson(exchange));
        requireNotBuiltIn(subscription.id());
        await(() -> publisher.put(subscription), subscription.id());
        exchange.getResponseHeaders().set("Location", MOUNT + "/" + subscription.id());
        HttpResponses.json(exchange, 201, subscription);
    }

    private void requireNotBuiltIn(String id) {
        if (builtIn.contains(id)) {
            throw new ApiError(400, "invalid-subscription", "subscription id " + id
                    + " is the streams app's built-in subscription; choose another id");
        }
    }

    /** A write, answered once the view shows it (read-your-writes). */
    @FunctionalInterface
    private interface Write {
        RecordMetadata run() throws InterruptedException;
    }

    private void await(Write write, String id) throws InterruptedException {
        RecordMetadata written;
        try {
            written = write.run();
        } catch (SubscriptionPublisher.PublishException e) {
            throw new ApiError(503, "kafka-unavailable", e.getMessage());
        }
        if (!view.awaitPast(written, VISIBLE_WITHIN)) {
            throw new ApiError(503, "unavailable", "subscription " + id + " was written (partition "
                    + written.partition() + ", offset " + written.offset() + ") but is not readable back yet; retry");
        }
    }
}
