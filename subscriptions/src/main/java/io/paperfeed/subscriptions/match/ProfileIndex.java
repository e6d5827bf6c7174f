package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.Rating;
import io.paperfeed.model.SimilarTo;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.Example;
import io.paperfeed.subscriptions.profile.Profile;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profiles of the subscriptions that have one: a like list, or ratings with at least one positive.
 * A profile is rebuilt (its model retrained, tens of milliseconds) when its subscription's like list or
 * ratings change, so the next paper is scored by it. Ratings may arrive before their subscription (the
 * feedback topic is read beside the subscriptions topic); they wait for it. Thread-safe.
 */
final class ProfileIndex {

    private static final Logger log = LoggerFactory.getLogger(ProfileIndex.class);

    /** A paper's score against one profile, and why. */
    record Scored(String subscriptionId, boolean passes, SimilarTo similarTo) {
    }

    private final Background background;
    private final ProfileSettings settings;
    /** The subscriptions with a like list or a threshold of their own; the others (most) are not kept here. */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Rating>> ratings = new ConcurrentHashMap<>();
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    /** Whether a subscription is registered: ratings of one that is not wait for it. */
    private volatile Predicate<String> registered = id -> subscriptionsOrNone(id);

    ProfileIndex(Background background, ProfileSettings settings) {
        this.background = background;
        this.settings = settings;
    }

    /** Tells the index which subscriptions are registered (the registry's own ids: nothing is copied here). */
    void registeredBy(Predicate<String> isRegistered) {
        this.registered = isRegistered;
    }

    private boolean subscriptionsOrNone(String id) {
        return subscriptions.containsKey(id);
    }

    /** Registers or replaces a subscription's like list (any subscription: its ratings may make a profile). */
    void put(Subscription subscription) {
        if (subscription.hasLike() || subscription.minSimilarity() != null) {
            subscriptions.put(subscription.id(), subscription);
        } else if (subscriptions.remove(subscription.id()) == null && !ratings.containsKey(subscription.id())) {
            return; // nothing to build: no like list, no ratings (a million such cost nothing here)
        }
        rebuild(subscription.id());
    }

    void remove(String subscriptionId) {
        subscriptions.remove(subscriptionId);
        profiles.remove(subscriptionId);
    }

    /** Adds or replaces one rating. */
    void rate(Rating rating) {
        ratings.computeIfAbsent(rating.subscriptionId(), id -> new ConcurrentHashMap<>()).put(rating.paper(), rating);
        rebuild(rating.subscriptionId());
    }

    /** Withdraws one rating. */
    void unrate(String subscriptionId, String paper) {
        Map<String, Rating> of = ratings.get(subscriptionId);
        if (of != null && of.remove(paper) != null) {
            rebuild(subscriptionId);
        }
    }

    boolean has(String subscriptionId) {
        return profiles.containsKey(subscriptionId);
    }

    Optional<Profile> profile(String subscriptionId) {
        return Optional.ofNullable(profiles.get(subscriptionId));
    }

    boolean isEmpty() {
        return profiles.isEmpty();
    }

    int size() {
        return profiles.size();
    }

    /** How many ratings the subscription has. */
    int ratingCount(String subscriptionId) {
        Map<String, Rating> of = ratings.get(subscriptionId);
        return of == null ? 0 : of.size();
    }

    /**
     * The paper's score against the subscription's profile; empty when it has none. A paper without an
     * embedding of the profile's model cannot pass.
     */
    Optional<Scored> score(String subscriptionId, CanonicalPaper paper, float[] vector) {
        Profile profile = profiles.get(subscriptionId);
        if (profile == null) {
            return Optional.empty();
        }
        if (vector == null || vector.length != profile.dimensions()
                || !background.model().equals(paper.embedding().model())) {
            return Optional.of(new Scored(subscriptionId, false, null));
        }
        double score = profile.score(vector);
        return Optional.of(new Scored(subscriptionId, profile.passes(score), profile.explain(vector, score)));
    }

    /** The ids of the subscriptions with a profile. */
    List<String> ids() {
        return List.copyOf(profiles.keySet());
    }

    private void rebuild(String subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        if (s == null && !registered.test(subscriptionId)) {
            profiles.remove(subscriptionId);
            return;
        }
        List<Example> liked = new ArrayList<>();
        for (LikeItem item : s == null ? List.<LikeItem>of() : s.like()) {
            if (item.resolved() && item.embedding().model().equals(background.model())) {
                liked.add(new Example(item.paper(), item.title(), item.embedding().values(), true));
            }
        }
        List<Example> rated = new ArrayList<>();
        Map<String, Rating> of = ratings.getOrDefault(subscriptionId, Map.of());
        for (Rating r : of.values()) {
            PaperEmbedding e = r.embedding();
            if (e.model().equals(background.model())) {
                rated.add(new Example(r.paper(), r.title(), e.values(), r.positive()));
            }
        }
        boolean anyPositive = !liked.isEmpty() || rated.stream().anyMatch(Example::positive);
        if (!anyPositive) {
            profiles.remove(subscriptionId);
            return;
        }
        try {
            profiles.put(subscriptionId, Profile.of(liked, rated, s == null ? null : s.minSimilarity(), background, settings));
        } catch (IllegalArgumentException e) {
            log.warn("subscription {}: no profile: {}", subscriptionId, e.getMessage());
            profiles.remove(subscriptionId);
        }
    }
}
