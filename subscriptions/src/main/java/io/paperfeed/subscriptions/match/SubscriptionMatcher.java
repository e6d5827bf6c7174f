package io.paperfeed.subscriptions.match;

import io.paperfeed.model.AlertOn;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.monitor.Presearcher;

/**
 * All subscriptions, matched against each paper at once, and each match says why: the paper's topics
 * the subscription named and the words, authors and categories of the paper that matched its query.
 *
 * <p>In the manner of Lucene's own monitor, four parts: the {@link SubscriptionRegistry} (which
 * subscriptions, compiled, in which backend), two backends — the {@link TermIndex} for conjunctions of
 * terms and exact phrases (most subscriptions: phrase, author, topic and category watches), answered
 * without running a query per subscription, and the {@link MonitorBackend} (lucene-monitor) for the
 * rest — and the {@link MatchExplainer}, which turns either backend's hits into the same why.
 * A subscription the {@link SubscriptionValidator} refuses is never registered, so it cannot break
 * matching for the others. Thread-safe.
 */
public final class SubscriptionMatcher implements AutoCloseable {

    private final SubscriptionRegistry registry;
    private final TermIndex termIndex;
    private final MonitorBackend monitor;
    private final MatchExplainer explainer;
    private final ProfileIndex profiles;

    /** A matcher that accepts any topic id. */
    public SubscriptionMatcher() {
        this(SubscriptionValidator.anyTopic());
    }

    /** @param knownTopics the taxonomy's topic ids (a subscription naming another is refused); empty for any */
    public SubscriptionMatcher(Set<String> knownTopics) {
        this(new SubscriptionValidator(knownTopics));
    }

    public SubscriptionMatcher(SubscriptionValidator validator) {
        this(validator, MonitorBackend.defaultPresearcher(), true);
    }

    /** @param useTermIndex false to hold every subscription in the monitor (to compare the two backends) */
    SubscriptionMatcher(SubscriptionValidator validator, Presearcher presearcher, boolean useTermIndex) {
        SubscriptionAnalyzer analyzer = new SubscriptionAnalyzer();
        this.termIndex = new TermIndex(analyzer);
        this.monitor = new MonitorBackend(analyzer, presearcher);
        this.profiles = new ProfileIndex(Background.shipped(), ProfileSettings.defaults());
        this.registry = new SubscriptionRegistry(validator, useTermIndex, termIndex, monitor, profiles);
        this.explainer = new MatchExplainer(analyzer);
    }

    /** Registers or replaces one subscription; an {@link IllegalArgumentException} says why it was refused. */
    public void register(Subscription subscription) {
        Registration result = register(List.of(subscription));
        if (!result.allRegistered()) {
            throw new IllegalArgumentException(result.rejected().get(subscription.id()));
        }
    }

    /** Registers or replaces a batch ({@link SubscriptionRegistry#register}: one monitor update, refusals reported). */
    public Registration register(Collection<Subscription> batch) {
        return registry.register(batch);
    }

    /**
     * Follows one record of the subscriptions topic as the {@link SubscriptionTable} read it: an enabled
     * subscription registers or replaces; a tombstone, a disabled or an unreadable record deletes.
     * Returns why the subscription was refused, if it was (its earlier version is gone too).
     */
    public Optional<String> apply(SubscriptionTable.Change change) {
        if (change.id() == null) {
            return Optional.ofNullable(change.problem());
        }
        if (!change.active()) {
            delete(change.id());
            return Optional.ofNullable(change.problem());
        }
        Registration result = register(List.of(change.current()));
        if (!result.allRegistered()) {
            delete(change.id());
            return Optional.of(result.rejected().get(change.id()));
        }
        return Optional.empty();
    }

    /** Deletes a subscription; false when there was none with that id. */
    public boolean delete(String id) {
        return registry.delete(id);
    }

    /** Whether a subscription with this id is registered. */
    public boolean contains(String id) {
        return registry.get(id) != null;
    }

    /** The mode of the registered subscription with this id (the record itself is not kept). */
    public Optional<Subscription.Mode> mode(String id) {
        SubscriptionRegistry.Registered r = registry.get(id);
        return r == null ? Optional.empty() : Optional.of(r.mode());
    }

    /** Whether the registered subscription with this id alerts again on an update; false when there is none. */
    public boolean alertsOnUpdate(String id) {
        return alertOn(id).contains(AlertOn.UPDATE);
    }

    /** The occasions the registered subscription with this id alerts on; {@code [new]} when there is none. */
    public Set<AlertOn> alertOn(String id) {
        SubscriptionRegistry.Registered r = registry.get(id);
        return r == null ? EnumSet.of(AlertOn.NEW) : r.alertOn();
    }

    /**
     * Follows one record of the feedback topic: a rating adds or replaces that paper's rating of its
     * subscription, a tombstone ({@code rating} null) withdraws it; the subscription's profile is
     * retrained before the next paper is matched.
     */
    public void applyRating(String key, Rating rating) {
        if (rating != null) {
            profiles.rate(rating);
        } else if (key != null && key.indexOf('|') > 0) {
            profiles.unrate(Rating.subscriptionOf(key), key.substring(key.indexOf('|') + 1));
        }
    }

    /** Whether any subscription has a profile (then papers need their embeddings). */
    public boolean hasProfiles() {
        return !profiles.isEmpty();
    }

    /** How many subscriptions have a profile. */
    public int profileCount() {
        return profiles.size();
    }

    /** How many subscriptions are registered (in the monitor or the term index). */
    public int queryCount() {
        return registry.size();
    }

    /** How many subscriptions the Lucene monitor holds: it visits every query, for tests, not per paper. */
    int monitorQueryCount() {
        return monitor.size();
    }

    /**
     * The subscriptions the paper matches (as classified: its topics are matched too), each with why.
     * {@link MatchResult#queriesRun()} counts the monitor queries run plus the term index's candidates
     * (its groups of subscriptions with the same clauses that had a leaf of their rarest clause in the
     * paper: each group is checked once).
     */
    public MatchResult match(CanonicalPaper paper) {
        List<Keyed> groups = new ArrayList<>();
        Set<String> inMonitorMatches = new HashSet<>();
        List<String> lowerCategories = paper.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        int queriesRun = 0;
        if (registry.anyInMonitor()) {
            MonitorBackend.Hits hits = monitor.match(paper, id -> {
                CompiledSubscription s = registry.monitored(id);
                return s != null && s.highlighted();
            });
            queriesRun += hits.queriesRun();
            for (MonitorBackend.Hit hit : hits.matches()) {
                CompiledSubscription s = registry.monitored(hit.id());
                if (s != null) {
                    inMonitorMatches.add(hit.id());
                    groups.add(new Keyed(SortedIds.key(hit.id()), new MatchResult.Group(List.of(hit.id()),
                            explainer.topics(paper, s), explainer.terms(paper, lowerCategories,
                            s.fieldTerms().has(PaperFields.CATEGORIES),
                            c -> s.fieldTerms().matches(PaperFields.CATEGORIES, c), hit.hits()))));
                }
            }
        }
        TermIndex.Found found = termIndex.match(paper);
        queriesRun += found.candidates();
        for (TermIndex.GroupMatch group : found.matches()) {
            List<String> ids = group.ids();
            long key = group.firstKey();
            if (!inMonitorMatches.isEmpty()) {
                // a subscription moving from the monitor to the index while the paper is matched: once
                ids = ids.stream().filter(id -> !inMonitorMatches.contains(id)).toList();
                key = ids.isEmpty() ? 0 : SortedIds.key(ids.get(0));
            }
            if (!ids.isEmpty()) {
                groups.add(new Keyed(key, new MatchResult.Group(ids, group.topics(), explainer.terms(paper,
                        lowerCategories, !group.categories().isEmpty(), group.categories()::contains, group.hits()))));
            }
        }
        float[] vector = paper.embedding() == null ? null : paper.embedding().values();
        if (!profiles.isEmpty()) {
            groups = gated(groups, paper, vector);
            for (String id : registry.likeOnly()) {
                Optional<ProfileIndex.Scored> scored = profiles.score(id, paper, vector);
                if (scored.isPresent() && scored.get().passes()) {
                    groups.add(new Keyed(SortedIds.key(id), new MatchResult.Group(List.of(id), List.of(), List.of(),
                            scored.get().similarTo())));
                }
                queriesRun++;
            }
        }
        return new MatchResult(byFirstId(groups), queriesRun, registry.size());
    }

    /** The groups by their first id: by its first 8 characters, read when it was registered, then the rest. */
    private static List<MatchResult.Group> byFirstId(List<Keyed> groups) {
        Keyed[] keyed = groups.toArray(Keyed[]::new);
        Arrays.sort(keyed);
        List<MatchResult.Group> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.group());
        }
        return sorted;
    }

    private record Keyed(long key, MatchResult.Group group) implements Comparable<Keyed> {
        @Override
        public int compareTo(Keyed other) {
            int order = Long.compareUnsigned(key, other.key);
            return order != 0 ? order : group.subscriptionIds().get(0).compareTo(other.group.subscriptionIds().get(0));
        }
    }

    /**
     * The query matches that also pass their subscription's profile (AND): a group's subscriptions without a
     * profile stay together, each with a profile that passes becomes a match of its own with its similarity.
     */
    private List<Keyed> gated(List<Keyed> groups, CanonicalPaper paper, float[] vector) {
        List<Keyed> kept = new ArrayList<>(groups.size());
        for (Keyed k : groups) {
            MatchResult.Group g = k.group();
            List<String> plain = new ArrayList<>(g.subscriptionIds().size());
            for (String id : g.subscriptionIds()) {
                Optional<ProfileIndex.Scored> scored = profiles.score(id, paper, vector);
                if (scored.isEmpty()) {
                    plain.add(id);
                } else if (scored.get().passes()) {
                    kept.add(new Keyed(SortedIds.key(id), new MatchResult.Group(List.of(id), g.topics(), g.terms(),
                            scored.get().similarTo())));
                }
            }
            if (plain.size() == g.subscriptionIds().size()) {
                kept.add(k);
            } else if (!plain.isEmpty()) {
                kept.add(new Keyed(SortedIds.key(plain.get(0)), new MatchResult.Group(plain, g.topics(), g.terms())));
            }
        }
        return kept;
    }

    @Override
    public void close() {
        monitor.close();
    }
}
