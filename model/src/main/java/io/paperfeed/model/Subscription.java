package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A standing request for papers: a Lucene query, a list of taxonomy topic ids, a list of papers it is
 * {@code like}, or any of them together (then a paper must satisfy each). Published to {@code paperfeed.subscriptions} keyed by {@code id}; a tombstone
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
 * @param readTokenHash  SHA-256 (hex) of the subscription's read token, which lets its owner read its
 *                       alert stream without the admin token; null when it has none. Only the hash is
 *                       stored; the token is shown once, when the API creates or rotates it
 * @param alertOn       the occasions that alert ({@link AlertOn}); default {@code [new]}, plus {@code update}
 *                      when {@code alertOnUpdate} is true (the two always agree: either sets the other)
 * @param like          papers the wanted ones are like (ids of papers paperfeed has seen, or inline titles and
 *                      abstracts): a paper matches when its embedding is similar enough to this profile; empty
 *                      for none; at most {@value #MAX_LIKE} items
 * @param minSimilarity the profile score a paper needs, overriding the calibrated default; null for the default
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
        String disabledReason,
        String readTokenHash,
        List<AlertOn> alertOn,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LikeItem> like,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double minSimilarity) {

    /** The pattern a subscription id must match. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The most papers a like list may hold (a record stays well under Kafka's 1 MB). */
    public static final int MAX_LIKE = 500;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Subscription {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1 to 64 letters, digits, '.', '_' or '-': " + id);
        }
        name = name == null || name.isBlank() ? id : name.strip();
        query = query == null || query.isBlank() ? null : query.strip();
        topics = topicIds(id, topics);
        like = like == null ? List.of() : List.copyOf(like);
        if (query == null && topics.isEmpty() && like.isEmpty()) {
            throw new IllegalArgumentException("subscription " + id
                    + " needs a query, at least one topic or a like list");
        }
        if (like.size() > MAX_LIKE) {
            throw new IllegalArgumentException("subscription " + id + ": a like list holds at most " + MAX_LIKE
                    + " papers, not " + like.size());
        }
        if (minSimilarity != null && !(minSimilarity >= -1.0 && minSimilarity <= 1.0)) {
            throw new IllegalArgumentException("subscription " + id + ": minSimilarity is a similarity in [-1, 1], not "
                    + minSimilarity);
        }
        mode = mode == null ? Mode.INSTANT : mode;
        delivery = delivery == null ? List.of() : List.copyOf(delivery);
        disabledReason = !disabled || disabledReason == null || disabledReason.isBlank() ? null : disabledReason.strip();
        if (readTokenHash != null && !SHA256_HEX.matcher(readTokenHash).matches()) {
            throw new IllegalArgumentException("readTokenHash must be 64 lowercase hex digits (a SHA-256)");
        }
        alertOn = AlertOn.normalise(id, alertOn, alertOnUpdate);
        alertOnUpdate = alertOn.contains(AlertOn.UPDATE);
    }

    /** A subscription with the default occasions ({@code new}, and {@code update} when alertOnUpdate), no like list. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery, boolean disabled, String disabledReason, String readTokenHash) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason, readTokenHash, null,
                List.of(), null);
    }

    /** A subscription without a like list. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery, boolean disabled, String disabledReason, String readTokenHash,
            List<AlertOn> alertOn) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason, readTokenHash, alertOn,
                List.of(), null);
    }

    /** A subscription with the default occasions and a like list. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery, boolean disabled, String disabledReason, String readTokenHash,
            List<LikeItem> like, Double minSimilarity) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason, readTokenHash, null,
                like, minSimilarity);
    }

    /** A subscription without a read token or a like list. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery, boolean disabled, String disabledReason) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason, null, List.of(), null);
    }

    /** An enabled subscription. */
    public Subscription(String id, String name, String query, List<String> topics, Mode mode, boolean alertOnUpdate,
            List<Delivery> delivery) {
        this(id, name, query, topics, mode, alertOnUpdate, delivery, false, null);
    }

    /**
     * The JSON creator: {@code alertOnUpdate}, {@code alertOn} and {@code disabled} may be left out
     * (false, {@code [new]}, false); a record written before {@code alertOn} existed reads as it did.
     */
    @JsonCreator
    static Subscription fromJson(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("query") String query, @JsonProperty("topics") List<String> topics,
            @JsonProperty("mode") Mode mode, @JsonProperty("alertOnUpdate") Boolean alertOnUpdate,
            @JsonProperty("delivery") List<Delivery> delivery, @JsonProperty("disabled") Boolean disabled,
            @JsonProperty("disabledReason") String disabledReason, @JsonProperty("readTokenHash") String readTokenHash,
            @JsonProperty("alertOn") List<AlertOn> alertOn,
            @JsonProperty("like") List<LikeItem> like, @JsonProperty("minSimilarity") Double minSimilarity) {
        return new Subscription(id, name, query, topics, mode, Boolean.TRUE.equals(alertOnUpdate), delivery,
                Boolean.TRUE.equals(disabled), disabledReason, readTokenHash, alertOn, like, minSimilarity);
    }

    /** Whether this subscription alerts on the given occasion. */
    public boolean alertsOn(AlertOn occasion) {
        return alertOn.contains(occasion);
    }

    /** This subscription with other alert occasions ({@code update} in them sets alertOnUpdate). */
    public Subscription withAlertOn(List<AlertOn> occasions) {
        return new Subscription(id, name, query, topics, mode, false, delivery, disabled, disabledReason,
                readTokenHash, occasions, like, minSimilarity);
    }

    /** This subscription, disabled for the given reason (said to people, e.g. which webhook answered 410 when). */
    public Subscription disable(String reason) {
        return new Subscription(id, name, query, topics, mode, alertOnUpdate, delivery, true, reason, readTokenHash,
                alertOn, like, minSimilarity);
    }

    /** This subscription with another read token hash (null: none). */
    public Subscription withReadTokenHash(String hash) {
        return new Subscription(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason, hash,
                alertOn, like, minSimilarity);
    }

    /** This subscription with other deliveries (the same otherwise). */
    public Subscription withDelivery(List<Delivery> deliveries) {
        return new Subscription(id, name, query, topics, mode, alertOnUpdate, deliveries, disabled, disabledReason,
                readTokenHash, alertOn, like, minSimilarity);
    }

    /** This subscription with its like list replaced (e.g. by the same papers, resolved). */
    public Subscription withLike(List<LikeItem> newLike) {
        return new Subscription(id, name, query, topics, mode, alertOnUpdate, delivery, disabled, disabledReason,
                readTokenHash, alertOn, newLike, minSimilarity);
    }

    /** A subscription to papers like these, instant, Kafka and SSE delivery. */
    public static Subscription ofLike(String id, List<LikeItem> like) {
        return new Subscription(id, null, null, List.of(), Mode.INSTANT, false, List.of(), false, null, null, null, like,
                null);
    }

    /** Whether it has a like list (a profile of papers). */
    public boolean hasLike() {
        return !like.isEmpty();
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
