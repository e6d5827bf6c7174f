package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code /subscriptions}: {@code GET} lists, {@code POST} creates or replaces; {@code /subscriptions/{id}}:
 * {@code GET}, {@code DELETE} (a tombstone); {@code /subscriptions/{id}/read-token}: {@code POST} makes a
 * new read token; {@code /subscriptions/{id}/events}: the alerts as SSE. Every call needs the admin
 * token, except a subscription's event stream, which its read token opens too (a built-in one's is
 * public). Answers mask webhook secrets. A write answers once the view shows it (read-your-writes).
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

    SubscriptionsHandler(BearerAuth auth, SubscriptionRequests requests, SubscriptionView view,
                         SubscriptionPublisher publisher, EventStreams streams, Set<String> builtIn, ApiMetrics metrics) {
        super(MOUNT, metrics);
        this.auth = auth;
        this.requests = requests;
        this.view = view;
        this.publisher = publisher;
        this.streams = streams;
        this.builtIn = Set.copyOf(builtIn);
    }

    @Override
    void handle(Exchange exchange, List<String> segments) throws InterruptedException {
        if (segments.size() == 2 && segments.get(1).equals("events")) {
            events(exchange, segments.get(0));
            return;
        }
        auth.check(exchange);
        if (segments.isEmpty()) {
            requireMethod(exchange, MOUNT, "GET", "POST");
            if (exchange.method().equals("GET")) {
                exchange.json(200, SubscriptionAnswer.all(view.all()));
            } else {
                create(exchange);
            }
            return;
        }
        String id = segments.get(0);
        String path = MOUNT + "/" + id;
        Subscription existing = view.get(id).orElse(null);
        if (segments.size() == 1) {
            requireMethod(exchange, path, "GET", "DELETE");
            if (existing == null) {
                throw ApiError.notFound("no subscription " + id);
            }
            if (exchange.method().equals("GET")) {
                exchange.json(200, SubscriptionAnswer.of(existing));
            } else {
                await(() -> publisher.delete(id), id);
                exchange.status(204);
            }
        } else if (segments.size() == 2 && segments.get(1).equals("read-token")) {
            requireMethod(exchange, path + "/read-token", "POST");
            if (existing == null) {
                throw ApiError.notFound("no subscription " + id);
            }
            String token = ReadTokens.generate();
            Subscription rotated = existing.withReadTokenHash(ReadTokens.hash(token));
            await(() -> publish(rotated), id);
            exchange.json(200, SubscriptionAnswer.withReadToken(rotated, token));
        } else {
            throw ApiError.notFound("no such resource: " + exchange.path());
        }
    }

    /** A subscription's alerts: public for a built-in one, else the admin token or the subscription's read token. */
    private void events(Exchange exchange, String id) {
        requireMethod(exchange, MOUNT + "/" + id + "/events", "GET");
        if (!builtIn.contains(id)) {
            Optional<Subscription> subscription = view.get(id);
            String presented = presentedToken(exchange);
            boolean reader = subscription.isPresent() && ReadTokens.matches(presented, subscription.get().readTokenHash());
            if (!reader) {
                auth.check(exchange); // a subscription's alerts reveal its query
            }
            if (subscription.isEmpty()) {
                throw ApiError.notFound("no subscription " + id);
            }
        }
        EventStreamRequests.serve(exchange, () -> streams.serveSubscription(exchange.request(), exchange.response(),
                exchange.callback(), id));
    }

    /** A read token from {@code Authorization: Bearer} or {@code ?token=} (for clients that cannot send headers). */
    private static String presentedToken(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return exchange.query("token");
    }

    private void create(Exchange exchange) throws InterruptedException {
        Subscription subscription = requests.parse(RequestBodies.readJson(exchange));
        if (builtIn.contains(subscription.id())) {
            throw new ApiError(400, "invalid-subscription", "subscription id " + subscription.id()
                    + " is the streams app's built-in subscription; choose another id");
        }
        String existingHash = view.get(subscription.id()).map(Subscription::readTokenHash).orElse(null);
        String token = existingHash == null ? ReadTokens.generate() : null;
        Subscription stored = subscription.withReadTokenHash(token == null ? existingHash : ReadTokens.hash(token));
        await(() -> publish(stored), stored.id());
        exchange.setHeader("Location", MOUNT + "/" + stored.id());
        exchange.json(201, SubscriptionAnswer.withReadToken(stored, token));
    }

    private RecordMetadata publish(Subscription subscription) throws InterruptedException {
        try {
            return publisher.put(subscription);
        } catch (InvalidSubscriptionException e) {
            throw ApiError.badRequest(e.code().equals("no-secrets-key") ? "no-secrets-key" : "invalid-subscription",
                    e.getMessage());
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
            throw new ApiError(503, "kafka-unavailable", "subscription " + id + " could not be written to Kafka in "
                    + "time; retry");
        }
        if (!view.awaitPast(written, VISIBLE_WITHIN)) {
            throw new ApiError(503, "unavailable", "subscription " + id + " was written (partition "
                    + written.partition() + ", offset " + written.offset() + ") but is not readable back yet; retry");
        }
    }
}
