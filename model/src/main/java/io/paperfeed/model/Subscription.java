package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A standing request for papers: a Lucene query, a list of taxonomy topic ids, or both (then a paper
 * must satisfy both). Published to {@code paperfeed.subscriptions} keyed by {@code id}; a tombstone
 * deletes it. The query's syntax is checked where Lucene lives (the subscriptions module); this record
 * checks everything else.
 *
 * @param id            {@code [A-Za-z0-9._-]{1,64}}, also the key of its alerts
 * @param name          for people; defaults to the id
 * @param query         Lucene classic query syntax over title, abstract, authors, categories and topics;
 *                      null or blank when only topics are given
 * @param topics        taxonomy topic ids (any of them matches); empty when only a query is given
 * @param mode          {@code instant} (one alert per paper, as it arrives) or {@code digest}; default instant
 * @param alertOnUpdate whether an UPDATED paper that was already alerted alerts again; default false
 * @param delivery      where alerts go besides Kafka and SSE; empty means Kafka and SSE only
 * @param disabled      true once paperfeed stopped it (e.g. a webhook answered 410 Gone): it is then
 *                      treated like a deleted subscription until it is published again enabled; default false
 * @param disabledReason why and when it was disabled; null when it is enabled
 */
public record Subscription(
        String id,
        String name,
        String query,
        List<String> topics,
        Mode mode,
        boolean alertOnUpdate,
        List<Delivery> delivery,
        boolean disabled,
        String disabledReason) {

    /** The pattern a subscription id must match. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Subscription {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1 to 64 letters, digits, '.', '_' or '-': " + id);
        }
        name = name == null || name.isBlank() ? id : name.strip();
        query = query == null || query.isBlank() ? null : query.strip();
        topics = topicIds(id, topics);
        if (query == null && topics.isEmpty()) {
            throw new IllegalArgumentException("subscription " + id + " needs a query or at least one topic");
        }
        mode = mode == null ? Mode.INSTANT : mode;
        delivery = delivery == null ? List.of() : List.copyOf(delivery);
        disabledReason = !disabled || disabledReason == null || disabledReason.isBlank() ? null : disabledReason.strip();
    }

    /** An enabled subscription. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, false, null);
    }

    /** The JSON creator: {@code alertOnUpdate} and {@code disabled} may be left out (false). */
    @JsonCreator
    static Subscription fromJson(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("query") String query, @JsonProperty("topics") List<String> topics,
            @JsonProperty("mode") Mode mode, @JsonProperty("alertOnUpdate") Boolean alertOnUpdate,
            @JsonProperty("delivery") List<Delivery> delivery, @JsonProperty("disabled") Boolean disabled,
            @JsonProperty("disabledReason") String disabledReason) {
        return new Subscription(id, name, query, topics, mode, Boolean.TRUE.equals(alertOnUpdate), delivery,
                Boolean.TRUE.equals(disabled), disabledReason);
    }

    /** This subscription, disabled for the given reason (said to people, e.g. which webhook answered 410 when). */
    public Subscription disable(String reason) {
        return new Subscription(id, name, query, topics, mode, alertOnUpdate, delivery, true, reason);
    }

    /** A subscription with a query only, instant, Kafka and SSE delivery. */
    public static Subscription ofQuery(String id, String query) {
        return new Subscription(id, null, query, List.of(), Mode.INSTANT, false, List.of());
    }

    /** A subscription to any of the given topics, instant, Kafka and SSE delivery. */
    public static Subscription ofTopics(String id, List<String> topics) {
        return new Subscription(id, null, null, topics, Mode.INSTANT, false, List.of());
    }

    /** Whether the subscription has a query (and not only topics). */
    public boolean hasQuery() {
        return query != null;
    }

    private static List<String> topicIds(String id, List<String> topics) {
        if (topics == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String topic : topics) {
            String t = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
            if (!TOPIC_ID.matcher(t).matches()) {
                throw new IllegalArgumentException("subscription " + id
                        + ": a topic id is lowercase letters, digits and dashes: " + topic);
            }
            ids.add(t);
        }
        return List.copyOf(new ArrayList<>(ids));
    }

    /** When alerts are sent: each as its paper arrives, or collected into a digest. */
    public enum Mode {
        INSTANT, DIGEST;

        /** The JSON name: {@code instant} or {@code digest}. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code instant} or {@code digest} (any case). */
        @JsonCreator
        public static Mode of(String value) {
            return Enums.parse(Mode.class, value, "mode");
        }
    }
}
