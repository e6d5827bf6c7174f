package io.paperfeed.consumer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.subscriptions.FeedbackPublisher;
import io.paperfeed.subscriptions.SubscriptionPublisher;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.like.Library;
import io.paperfeed.subscriptions.like.LikeResolver;
import io.paperfeed.subscriptions.like.PaperIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.jetty.server.Request;

/**
 * What teaches a subscription's profile: {@code POST /subscriptions/{id}/feedback} rates a paper ({@code
 * {"paper": "<canonical or arXiv id>", "rating": 1 | -1}}; 202 once Kafka has it, and the streams app's next
 * match uses it within seconds), {@code DELETE /subscriptions/{id}/feedback/{paper}} withdraws a rating, and
 * {@code POST /subscriptions/{id}/library} adds the papers of an uploaded BibTeX, RIS or CSL JSON library to
 * the like list (creating a like-only subscription when there is none, with a read token as any new
 * subscription gets). The rated paper must be among the recent papers the service read, so its embedding is
 * known. Each call needs the admin token ({@link SubscriptionsHandler} checks it): a read token opens a
 * subscription's alerts, never its profile.
 */
final class ProfileRequests {

    /** A library may be large: 1 MiB (a few thousand entries), the HTTP server's default request limit too. */
    static final int MAX_LIBRARY_BYTES = 1024 * 1024;

    private final SubscriptionView view;
    private final SubscriptionRequests requests;
    private final Supplier<LikeResolver> resolvers;
    private final PaperRatings ratings;
    private final FeedbackPublisher feedback;

    ProfileRequests(SubscriptionView view, SubscriptionRequests requests, Supplier<LikeResolver> resolvers,
                    PaperRatings ratings, FeedbackPublisher feedback) {
        this.view = view;
        this.requests = requests;
        this.resolvers = resolvers;
        this.ratings = ratings;
        this.feedback = feedback;
    }

    /** {@code POST /subscriptions/{id}/feedback}. */
    void rate(Exchange exchange, String id) throws InterruptedException {
        Subscription subscription = existing(id);
        JsonNode body = json(RequestBodies.readJson(exchange));
        JsonNode paperNode = body.get("paper");
        JsonNode ratingNode = body.get("rating");
        if (paperNode == null || !paperNode.isTextual() || paperNode.asText().isBlank()) {
            throw ApiError.badRequest("missing-paper", "the rating names no paper (\"paper\": \"arxiv:2504.01234\")")
                    .detail("field", "paper");
        }
        if (ratingNode == null || !ratingNode.isIntegralNumber() || Math.abs(ratingNode.asInt()) != 1) {
            throw ApiError.badRequest("invalid-rating", "\"rating\" is 1 (more like this) or -1 (not this)")
                    .detail("field", "rating");
        }
        PaperRatings.Written done = ratings.rate(subscription, paperNode.asText(), ratingNode.asInt());
        Rating rating = done.rating();
        RecordMetadata written = done.where();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", subscription.id());
        answer.put("paper", rating.paper());
        answer.put("rating", rating.rating());
        answer.put("ratedAt", rating.ratedAt().toString());
        answer.put("partition", written.partition());
        answer.put("offset", written.offset());
        exchange.json(202, answer);
    }

    /** {@code DELETE /subscriptions/{id}/feedback/{paper}}. */
    void withdraw(Exchange exchange, String id, String paper) throws InterruptedException {
        existing(id);
        String canonical = PaperIds.canonical(paper);
        write(() -> feedback.withdraw(id, canonical));
        exchange.status(204);
    }

    /** {@code POST /subscriptions/{id}/library}: the library's papers join the like list. */
    void upload(Exchange exchange, String id, SubscriptionsHandler.Writer writer) throws InterruptedException {
        String text = readText(exchange);
        Library library;
        try {
            library = Library.parse(Library.Format.detect(exchange.header("Content-Type"), text),
                    text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad-library", e.getMessage());
        }
        if (library.items().isEmpty()) {
            throw ApiError.badRequest("empty-library", "the library has no paper with a title, abstract or arXiv id")
                    .detail("problems", library.problems());
        }
        List<String> problems = new ArrayList<>(library.problems());
        List<LikeItem> added = resolvers.get().resolveEach(id, library.items(), problems);
        Subscription current = view.get(id).orElse(null);
        List<LikeItem> like = new ArrayList<>(current == null ? List.of() : current.like());
        like.addAll(added);
        if (like.size() > Subscription.MAX_LIKE) {
            throw ApiError.badRequest("too-many-likes", "the like list would hold " + like.size() + " papers; at most "
                    + Subscription.MAX_LIKE).detail("maxLike", Subscription.MAX_LIKE);
        }
        if (added.isEmpty()) {
            throw ApiError.badRequest("unresolved-library", "no paper of the library could be resolved")
                    .detail("problems", problems);
        }
        Subscription next = current == null ? Subscription.ofLike(id, like) : current.withLike(like);
        Subscription resolved = requests.resolveAndCheck(next);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", writer.put(resolved));
        answer.put("added", resolved.like().size() - (current == null ? 0 : current.like().size()));
        answer.put("problems", problems);
        exchange.setHeader("Location", SubscriptionsHandler.MOUNT + "/" + id);
        exchange.json(current == null ? 201 : 200, answer);
    }

    private Subscription existing(String id) {
        return view.get(id).orElseThrow(() -> ApiError.notFound("no subscription " + id));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw ApiError.badRequest("bad-json", "the body must be a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw ApiError.badRequest("bad-json", "the body is not valid JSON: " + e.getMessage());
        }
    }

    private static String readText(Exchange exchange) {
        if (exchange.request().getLength() > MAX_LIBRARY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = Request.asInputStream(exchange.request())) {
            byte[] body = in.readNBytes(MAX_LIBRARY_BYTES + 1);
            if (body.length > MAX_LIBRARY_BYTES) {
                throw tooLarge();
            }
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiError.badRequest("bad-body", "the request body could not be read in full");
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too-large", "the library is larger than " + MAX_LIBRARY_BYTES + " bytes")
                .detail("maxBytes", MAX_LIBRARY_BYTES);
    }

    @FunctionalInterface
    private interface Write {
        RecordMetadata run() throws InterruptedException;
    }

    private static RecordMetadata write(Write write) throws InterruptedException {
        try {
            return write.run();
        } catch (SubscriptionPublisher.PublishException e) {
            throw new ApiError(503, "kafka-unavailable", e.getMessage());
        }
    }
}
