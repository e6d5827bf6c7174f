package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a subscription is alerted about a paper: {@code new} (the first time it matches), {@code update}
 * (every later UPDATED record of an alerted paper, the old {@code alertOnUpdate}), and the status changes
 * {@code under_review} and {@code published}: once per (subscription, paper, status), the first record
 * that brings the paper to that status (e.g. the journal version joining a preprint).
 */
public enum AlertOn {
    NEW(null), UPDATE(null), UNDER_REVIEW(PaperStatus.UNDER_REVIEW), PUBLISHED(PaperStatus.PUBLISHED);

    private final PaperStatus status;

    AlertOn(PaperStatus status) {
        this.status = status;
    }

    /** The status whose arrival this occasion alerts, or null for {@code new} and {@code update}. */
    public PaperStatus status() {
        return status;
    }

    /** The occasion of a status change to the given status, or null when no occasion alerts it (a preprint). */
    public static AlertOn of(PaperStatus status) {
        for (AlertOn occasion : values()) {
            if (occasion.status != null && occasion.status == status) {
                return occasion;
            }
        }
        return null;
    }

    /** The JSON name: {@code new}, {@code update}, {@code under_review} or {@code published}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name (any case; {@code under-review} too). */
    @JsonCreator
    public static AlertOn parse(String value) {
        return Enums.parse(AlertOn.class, value == null ? null : value.replace('-', '_'), "alertOn");
    }

    /**
     * The occasions of a subscription, in this enum's order without repeats: null means {@code [new]};
     * {@code alertOnUpdate} adds {@code update}; an empty list is refused (it would never alert).
     */
    static List<AlertOn> normalise(String subscriptionId, List<AlertOn> alertOn, boolean alertOnUpdate) {
        Set<AlertOn> occasions = EnumSet.noneOf(AlertOn.class);
        if (alertOn == null) {
            occasions.add(NEW);
        } else if (alertOn.isEmpty()) {
            throw new IllegalArgumentException("subscription " + subscriptionId
                    + ": alertOn must name at least one of new, update, under_review, published (or be left out)");
        } else {
            for (AlertOn occasion : alertOn) {
                if (occasion == null) {
                    throw new IllegalArgumentException("subscription " + subscriptionId + ": alertOn has a null");
                }
                occasions.add(occasion);
            }
        }
        if (alertOnUpdate) {
            occasions.add(UPDATE);
        }
        return List.copyOf(occasions);
    }
}
