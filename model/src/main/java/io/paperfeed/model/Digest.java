package io.paperfeed.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The alerts of one subscription in digest mode over one day, sent once when the day's window
 * closes. Published to {@code paperfeed.digests}, keyed by subscription id.
 *
 * @param windowStart inclusive start of the day (UTC)
 * @param windowEnd   exclusive end of the day (UTC)
 */
public record Digest(String subscriptionId, Instant windowStart, Instant windowEnd, List<Alert> alerts) {

    public Digest {
        Provenance.requireText(subscriptionId, "subscriptionId");
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** An empty digest to aggregate into. */
    public static Digest empty(String subscriptionId) {
        return new Digest(subscriptionId, null, null, List.of());
    }

    /** This digest with one more alert (an alert for the same paper replaces the earlier one). */
    public Digest with(Alert alert) {
        List<Alert> next = new ArrayList<>(alerts);
        next.removeIf(a -> Objects.equals(a.paper().id(), alert.paper().id()));
        next.add(alert);
        return new Digest(subscriptionId, windowStart, windowEnd, next);
    }

    /** This digest stamped with its window. */
    public Digest over(Instant start, Instant end) {
        return new Digest(subscriptionId, start, end, alerts);
    }
}
