package io.paperfeed.consumer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperfeed.consumer.preview.PreviewResult;
import io.paperfeed.consumer.preview.SubscriptionPreview;
import io.paperfeed.model.serde.Json;
import io.paperfeed.subscriptions.like.LikeResolver;
import java.io.IOException;
import java.util.List;

/**
 * {@code POST /subscriptions/preview?days=30&limit=50} (bearer token) with a subscription as its body
 * ({@code id} may be left out): which papers of the last {@code days} it would have matched, newest
 * first, each with the topics and words that matched, and how many in all ({@link SubscriptionPreview}).
 * A subscription the API would refuse is refused here with the same answer. A subscription with a like
 * list is not previewed: 400 {@code preview-unsupported} ({@link #refuseLikeList}).
 */
final class PreviewEndpoint extends ApiHandler {

    static final String MOUNT = "/subscriptions/preview";

    private final BearerAuth auth;
    private final SubscriptionRequests requests;
    private final SubscriptionPreview preview;

    PreviewEndpoint(BearerAuth auth, SubscriptionRequests requests, SubscriptionPreview preview, ApiMetrics metrics) {
        super(MOUNT, metrics);
        this.auth = auth;
        this.requests = requests;
        this.preview = preview;
    }

    @Override
    void handle(Exchange exchange, List<String> segments) {
        requireNoSubpath(exchange, segments);
        auth.check(exchange);
        requireMethod(exchange, MOUNT, "POST");
        int days = intParameter(exchange, "days", SubscriptionPreview.DEFAULT_DAYS);
        int limit = intParameter(exchange, "limit", SubscriptionPreview.DEFAULT_LIMIT);
        byte[] body = RequestBodies.readJson(exchange);
        PreviewResult result;
        try {
            result = preview.preview(requests.parse(withId(body)), days, limit);
        } catch (IllegalArgumentException e) { // days or limit out of range (the subscription was checked by parse)
            throw ApiError.badRequest("bad-parameter", e.getMessage());
        }
        exchange.json(200, result);
    }

    /**
     * The preview's like-list "resolver": it refuses. A preview searches the recent papers' index with the
     * subscription's query and topics; a like list scores every paper's embedding against a profile, which
     * the index does not hold, so a preview of it would count papers it never scored.
     */
    static LikeResolver refuseLikeList() {
        throw ApiError.badRequest("preview-unsupported", "a subscription with a like list cannot be previewed: the "
                + "preview searches recent papers by query and topics, a like list scores each paper's embedding as "
                + "it arrives; preview the query or topics without \"like\", or create the subscription and follow "
                + "its feed").detail("field", "like");
    }

    /** The body with {@code "id": "preview"} when it has none: a preview needs no id. */
    private static byte[] withId(byte[] body) {
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree instanceof ObjectNode object && (!object.hasNonNull("id") || object.get("id").asText().isBlank())) {
                object.put("id", "preview");
                return Json.MAPPER.writeValueAsBytes(object);
            }
        } catch (IOException e) {
            // not JSON: the parser says why
        }
        return body;
    }

    private static int intParameter(Exchange exchange, String name, int fallback) {
        String value = exchange.query(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad-parameter", name + " must be a whole number");
        }
    }
}
