package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.EventStreams;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code /subscriptions}: {@code GET} lists, {@code POST} creates or replaces; {@code /subscriptions/{id}}:
 * {@code GET}, {@code DELETE} (a tombstone); {@code /subscriptions/{id}/read-token}: {@code POST} makes a
 * new read token; {@code /subscriptions/{id}/events}: the alerts as SSE; {@code /subscriptions/{id}/feedback}
 * and {@code /library}: what teaches its profile ({@link ProfileRequests}). Every call needs the admin
 * token, except a subscription's event stream, which its read token opens too (a built-in one's is
 * public): a read token reads alerts, it never rates or changes what a subscription matches. Answers
 * mask webhook secrets. A write answers once the view shows it (read-your-writes).
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

    /** Writes a subscription (keeping its read token, or making one for a new subscription), waits until the
     * view shows it, and gives the answer to show ({@link SubscriptionAnswer#withReadToken}). */
    @FunctionalInterface
    interface Writer {
        Map<String, Object> put(Subscription subscription) throws InterruptedException;
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
        } else if (segments.size() == 2 && segments.get(1).equals("feedback")) {
            requireMethod(exchange, path + "/feedback", "POST");
            profiles.rate(exchange, id);
        } else if (segments.size() == 3 && segments.get(1).equals("feedback")) {
            requireMethod(exchange, path + "/feedback/" + segments.get(2), "DELETE");
            profiles.withdraw(exchange, id, segments.get(2));
        } else if (segments.size() == 2 && segments.get(1).equals("library")) {
            requireMethod(exchange, path + "/library", "POST");
            requireNotBuiltIn(id);
            profiles.upload(exchange, id, this::store);
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
        requireNotBuiltIn(subscription.id());
        Map<String, Object> answer = store(subscription);
        exchange.setHeader("Location", MOUNT + "/" + subscription.id());
        exchange.json(201, answer);
    }

    /** {@link Writer}: an existing subscription's read token kept, a new one's made (and shown this once). */
    private Map<String, Object> store(Subscription subscription) throws InterruptedException {
        String existingHash = view.get(subscription.id()).map(Subscription::readTokenHash).orElse(null);
        String token = existingHash == null ? ReadTokens.generate() : null;
        Subscription stored = subscription.withReadTokenHash(token == null ? existingHash : ReadTokens.hash(token));
        await(() -> publish(stored), stored.id());
        return SubscriptionAnswer.withReadToken(stored, token);
    }

    private void requireNotBuiltIn(String id) {
        if (builtIn.contains(id)) {
            throw new ApiError(400, "invalid-subscription", "subscription id " + id
                    + " is the streams app's built-in subscription; choose another id");
        }
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
