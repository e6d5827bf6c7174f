package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alerts of one subscription in digest mode over one window (a day unless the operator set
 * another period), sent once when the window closes. Published to {@code paperfeed.digests}, keyed by
 * subscription id.
 *
 * @param windowStart inclusive start of the window (UTC)
 * @param windowEnd   exclusive end of the window (UTC)
 * @param omitted     papers of the window left out because the digest reached its size limit (they
 *                    are in the subscription's feed); 0 when it lists every one
 */
public record Digest(String subscriptionId, Instant windowStart, Instant windowEnd, List<Alert> alerts, int omitted) {

    public Digest {
        Provenance.requireText(subscriptionId, "subscriptionId");
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        if (omitted < 0) {
            throw new IllegalArgumentException("omitted cannot be negative");
        }
    }

    /** A digest listing every paper of its window. */
    public Digest(String subscriptionId, Instant windowStart, Instant windowEnd, List<Alert> alerts) {
        this(subscriptionId, windowStart, windowEnd, alerts, 0);
    }

    @JsonCreator
    static Digest fromJson(@JsonProperty("subscriptionId") String subscriptionId,
            @JsonProperty("windowStart") Instant windowStart, @JsonProperty("windowEnd") Instant windowEnd,
            @JsonProperty("alerts") List<Alert> alerts, @JsonProperty("omitted") Integer omitted) {
        return new Digest(subscriptionId, windowStart, windowEnd, alerts, omitted == null ? 0 : omitted);
    }

    /** An empty digest to aggregate into. */
    public static Digest empty(String subscriptionId) {
        return new Digest(subscriptionId, null, null, List.of());
    }

    /**
     * This digest with one more alert: an alert for the same paper (by id or by one of its aliases, so a
     * paper that changed id is listed once) replaces the earlier one.
     */
    public Digest with(Alert alert) {
        Set<String> ids = new HashSet<>(alert.paper().aliases());
        ids.add(alert.paper().id());
        List<Alert> next = new ArrayList<>(alerts);
        next.removeIf(a -> ids.contains(a.paper().id()) || a.paper().aliases().contains(alert.paper().id()));
        next.add(alert);
        return new Digest(subscriptionId, windowStart, windowEnd, next, omitted);
    }

    /** This digest counting one more paper it does not list. */
    public Digest omitting() {
        return new Digest(subscriptionId, windowStart, windowEnd, alerts, omitted + 1);
    }

    /** This digest stamped with its window. */
    public Digest over(Instant start, Instant end) {
        return new Digest(subscriptionId, start, end, alerts, omitted);
    }
}
