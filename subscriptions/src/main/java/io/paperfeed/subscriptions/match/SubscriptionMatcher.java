package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

    /** The registered subscription with this id. */
    public Optional<Subscription> get(String id) {
        return registry.get(id);
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
        List<List<SubscriptionMatch>> runs = new ArrayList<>();
        Set<String> inMonitorMatches = new HashSet<>();
        List<String> lowerCategories = paper.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        int queriesRun = 0;
        if (registry.anyInMonitor()) {
            MonitorBackend.Hits hits = monitor.match(paper, id -> {
                CompiledSubscription s = registry.compiled(id);
                return s != null && s.highlighted();
            });
            queriesRun += hits.queriesRun();
            for (MonitorBackend.Hit hit : hits.matches()) {
                CompiledSubscription s = registry.compiled(hit.id());
                if (s != null && s.inMonitor()) {
                    inMonitorMatches.add(hit.id());
                    runs.add(List.of(new SubscriptionMatch(hit.id(), explainer.topics(paper, s),
                            explainer.terms(paper, lowerCategories, s.fieldTerms().has(PaperFields.CATEGORIES),
                                    c -> s.fieldTerms().matches(PaperFields.CATEGORIES, c), hit.hits()))));
                }
            }
        }
        TermIndex.Found found = termIndex.match(paper);
        queriesRun += found.candidates();
        for (TermIndex.GroupMatch group : found.matches()) {
            List<String> topics = group.topics().isEmpty() ? List.of() : explainer.namedTopics(paper, group.topics());
            List<String> terms = explainer.terms(paper, lowerCategories, !group.categories().isEmpty(),
                    group.categories()::contains, group.hits());
            List<SubscriptionMatch> run = new ArrayList<>(group.ids().size());
            for (String id : group.ids()) {
                // a subscription moving from the monitor to the index while the paper is matched: once
                if (inMonitorMatches.isEmpty() || !inMonitorMatches.contains(id)) {
                    run.add(new SubscriptionMatch(id, topics, terms));
                }
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        float[] vector = paper.embedding() == null ? null : paper.embedding().values();
        if (!profiles.isEmpty()) {
            runs = gated(runs, paper, vector);
            List<SubscriptionMatch> liked = new ArrayList<>();
            for (String id : registry.likeOnly()) {
                profiles.score(id, paper, vector).filter(ProfileIndex.Scored::passes)
                        .ifPresent(scored -> liked.add(new SubscriptionMatch(id, List.of(), List.of(), scored.similarTo())));
                queriesRun++;
            }
            for (SubscriptionMatch m : liked) {
                runs.add(List.of(m));
            }
        }
        runs.sort(Comparator.comparing(run -> run.get(0).subscriptionId()));
        List<SubscriptionMatch> matches = new ArrayList<>();
        runs.forEach(matches::addAll);
        return new MatchResult(matches, queriesRun, registry.size());
    }

    /** The query matches that also pass their subscription's profile (AND), each with its similarity; the others as they were. */
    private List<List<SubscriptionMatch>> gated(List<List<SubscriptionMatch>> runs, CanonicalPaper paper, float[] vector) {
        List<List<SubscriptionMatch>> kept = new ArrayList<>(runs.size());
        for (List<SubscriptionMatch> run : runs) {
            List<SubscriptionMatch> passed = new ArrayList<>(run.size());
            for (SubscriptionMatch m : run) {
                Optional<ProfileIndex.Scored> scored = profiles.score(m.subscriptionId(), paper, vector);
                if (scored.isEmpty()) {
                    passed.add(m);
                } else if (scored.get().passes()) {
                    passed.add(m.withSimilarTo(scored.get().similarTo()));
                }
            }
            if (!passed.isEmpty()) {
                kept.add(passed);
            }
        }
        return kept;
    }

    @Override
    public void close() {
        monitor.close();
    }
}
