package io.paperfeed.consumer.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.Json;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.like.LikeResolver;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Turns a request body into a {@link Subscription} and checks it with the {@link SubscriptionValidator}
 * the matcher uses too: topic ids of the taxonomy, a query that parses. Each refusal is an
 * {@link ApiError} saying what is wrong.
 */
final class SubscriptionRequests {

    private final SubscriptionValidator validator;
    private final Supplier<LikeResolver> resolvers;

    /** @param resolvers gives the resolver of like lists (the embedding model is loaded on first use) */
    SubscriptionRequests(SubscriptionValidator validator, Supplier<LikeResolver> resolvers) {
        this.validator = validator;
        this.resolvers = resolvers;
    }

    Subscription parse(byte[] body) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ApiError.badRequest("bad-json", "the body is not valid JSON" + where + ": " + message);
        }
        if (tree == null || !tree.isObject()) {
            throw ApiError.badRequest("bad-json", "the body must be a JSON object (one subscription)");
        }
        JsonNode id = tree.get("id");
        if (hasSealedSecret(tree)) {
            throw ApiError.badRequest("invalid-subscription", "a webhook secret is given in plain text (whsec_...); "
                    + "the server seals it");
        }
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw ApiError.badRequest("missing-id", "the subscription has no id (\"id\": \"[A-Za-z0-9._-]{1,64}\")")
                    .detail("field", "id");
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("readTokenHash"); // the server makes tokens
        Subscription subscription;
        try {
            subscription = Json.MAPPER.treeToValue(tree, Subscription.class);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("invalid-subscription", "invalid subscription: " + reason(e));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid-subscription", "invalid subscription: " + e.getMessage());
        }
        return resolveAndCheck(subscription);
    }

    /** Resolves the like list (each liked paper's embedding), then the validator's checks. */
    Subscription resolveAndCheck(Subscription subscription) {
        Subscription resolved;
        try {
            resolved = subscription.hasLike() ? resolvers.get().resolve(subscription) : subscription;
        } catch (InvalidSubscriptionException e) {
            throw ApiError.badRequest(e.code(), e.getMessage()).detail(e.field(), e.value());
        }
        check(resolved);
        return resolved;
    }

    /** The validator's checks: known topic ids, then the query. */
    void check(Subscription subscription) {
        try {
            validator.check(subscription);
        } catch (InvalidSubscriptionException e) {
            String message = e.code().equals("unknown-topic") ? e.getMessage() + " (GET /topics lists them)" : e.getMessage();
            throw ApiError.badRequest(e.code(), message).detail(e.field(), e.value());
        }
    }

    private static boolean hasSealedSecret(JsonNode tree) {
        for (JsonNode delivery : tree.path("delivery")) {
            if (delivery.path("secret").asText("").startsWith(io.paperfeed.model.Delivery.SEALED_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The record's own message when its constructor refused a value, else Jackson's. */
    private static String reason(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        return e.getOriginalMessage();
    }
}
