package io.paperfeed.consumer.api;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription as the API shows it: every field its owner wrote (a like list as it was resolved on
 * write), with each webhook secret masked ({@code whsec_…}) and the read token's hash left out ({@code hasReadToken} says whether there is
 * one). The read token itself is shown once, in the answer that made it.
 */
final class SubscriptionAnswer {

    private SubscriptionAnswer() {
    }

    static Map<String, Object> of(Subscription s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("name", s.name());
        json.put("query", s.query());
        json.put("topics", s.topics());
        if (s.hasLike()) {
            json.put("like", s.like()); // as resolved on write: each liked paper's id, title and embedding
        }
        if (s.minSimilarity() != null) {
            json.put("minSimilarity", s.minSimilarity());
        }
        json.put("mode", s.mode().json());
        json.put("alertOnUpdate", s.alertOnUpdate());
        json.put("alertOn", s.alertOn().stream().map(AlertOn::json).toList());
        json.put("delivery", s.delivery().stream().map(SubscriptionAnswer::delivery).toList());
        json.put("disabled", s.disabled());
        if (s.disabledReason() != null) {
            json.put("disabledReason", s.disabledReason());
        }
        json.put("hasReadToken", s.readTokenHash() != null);
        return json;
    }

    /** The answer to a write that made a read token: the subscription, and the token this once. */
    static Map<String, Object> withReadToken(Subscription s, String readToken) {
        Map<String, Object> json = of(s);
        if (readToken != null) {
            json.put("readToken", readToken);
        }
        return json;
    }

    static List<Map<String, Object>> all(List<Subscription> subscriptions) {
        return subscriptions.stream().map(SubscriptionAnswer::of).toList();
    }

    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", d.type().json());
        if (d.url() != null) {
            json.put("url", d.url());
        }
        if (d.secret() != null) {
            json.put("secret", d.maskedSecret());
        }
        if (d.type() == Delivery.Type.WEBHOOK) {
            json.put("format", d.format().json());
        }
        if (d.to() != null) {
            json.put("to", d.to());
        }
        return json;
    }
}
