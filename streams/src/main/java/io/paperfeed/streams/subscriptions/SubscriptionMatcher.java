package io.paperfeed.streams.subscriptions;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.streams.classify.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All subscriptions, matched against each paper at once, and each match says why: the paper's topics
 * the subscription named and the words, authors and categories of the paper that matched its query.
 *
 * <p>Subscriptions whose query is all of some clauses, each any of some terms or exact phrases (phrase
 * and author watches, topic lists, category watches, {@code "kv cache" AND categories:cs.CL}: most of
 * them) are answered from an inverted index of their words and phrases ({@link TermIndex}), without
 * running a query per subscription. The others (NOT, prefixes, wildcards, fuzzy or sloppy phrases…) are
 * held in one lucene-monitor {@link Monitor} (the presearcher runs only the queries that share a term
 * with the paper); each candidate is first only matched, and only the ones that matched and ask for
 * words or authors are asked for their highlights ({@link Matches}). Both give the same why.
 *
 * <p>Subscriptions arrive as a compacted topic delivers them: {@link #apply} registers, replaces (same
 * id) or deletes (tombstone). A subscription whose query does not parse is refused at registration and
 * never reaches the monitor, so it cannot break matching for the others. Thread-safe.
 */
public final class SubscriptionMatcher implements AutoCloseable {

    static final int MAX_TERMS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMatcher.class);
    private static final Set<String> VALUE_FIELDS = Set.of(PaperFields.CATEGORIES, PaperFields.TOPICS);
    private static final Set<String> TEXT_FIELDS = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS);

    private final SubscriptionAnalyzer analyzer = new SubscriptionAnalyzer();
    private final Monitor monitor;
    private final Set<String> knownTopics;
    private final Map<String, Registered> subscriptions = new ConcurrentHashMap<>();
    private final TermIndex indexed = new TermIndex(analyzer);
    /** How many registered subscriptions are monitor queries (counting the monitor itself visits every query). */
    private final AtomicInteger inMonitor = new AtomicInteger();
    private final boolean useTermIndex;

    /** A matcher that accepts any topic id, with {@link #defaultPresearcher()}. */
    public SubscriptionMatcher() {
        this(Set.of());
    }

    /**
     * @param knownTopics the taxonomy's topic ids: a subscription naming another topic is refused;
     *                    empty to accept any topic id
     */
    public SubscriptionMatcher(Set<String> knownTopics) {
        this(knownTopics, defaultPresearcher());
    }

    /**
     * lucene-monitor's two-pass term-filtered presearcher (a phrase or conjunction is a candidate only
     * when the paper has two of its terms: under half the candidates of one pass, and faster now that
     * candidates, not highlighting, dominate), with {@code categories} and {@code topics} terms weighted
     * down: a conjunction is indexed under its words when it has some, as a category or topic is shared
     * by many more papers than a phrase's words.
     */
    public static Presearcher defaultPresearcher() {
        return new MultipassTermFilteredPresearcher(2, 0, TermWeightor.combine(TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                TermWeightor.fieldWeightor(0.1, VALUE_FIELDS)), List.of(), Set.of());
    }

    public SubscriptionMatcher(Set<String> knownTopics, Presearcher presearcher) {
        this(knownTopics, presearcher, true);
    }

    /** @param useTermIndex false to hold every subscription in the monitor (to compare the two paths) */
    SubscriptionMatcher(Set<String> knownTopics, Presearcher presearcher, boolean useTermIndex) {
        this.knownTopics = Set.copyOf(knownTopics);
        this.useTermIndex = useTermIndex;
        try {
            monitor = new Monitor(analyzer, presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers or replaces one subscription; an {@link IllegalArgumentException} says why it was refused. */
    public void register(Subscription subscription) {
        Registration result = register(List.of(subscription));
        if (!result.allRegistered()) {
            throw new IllegalArgumentException(result.rejected().get(subscription.id()));
        }
    }

    /**
     * Registers or replaces a batch in one monitor update (much faster than one by one). Each
     * subscription is checked on its own: the good ones are registered, the refused ones reported.
     * When an id appears twice, the later one wins, as on a compacted topic. A disabled subscription
     * is treated like a tombstone: it removes the registered one of that id.
     */
    public Registration register(Collection<Subscription> batch) {
        Map<String, Registered> accepted = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        for (Subscription s : batch) {
            if (s.disabled()) {
                accepted.remove(s.id());
                rejected.remove(s.id());
                disabled.add(s.id());
                continue;
            }
            disabled.remove(s.id());
            try {
                accepted.put(s.id(), compile(s));
                rejected.remove(s.id());
            } catch (IllegalArgumentException e) {
                accepted.remove(s.id());
                rejected.put(s.id(), e.getMessage());
                LOG.warn("subscription {} refused: {}", s.id(), e.getMessage());
            }
        }
        List<MonitorQuery> queries = new ArrayList<>(accepted.size());
        accepted.forEach((id, r) -> {
            if (r.clauses() == null) {
                queries.add(new MonitorQuery(id, r.query(), r.subscription().query(), Map.of()));
            }
        });
        try {
            // in an order that never leaves a concurrent match without the subscription: the new
            // version is in place (monitor first, index replacing atomically) before the old one goes
            if (!queries.isEmpty()) {
                monitor.register(queries);
            }
            List<String> leftMonitor = new ArrayList<>();
            accepted.forEach((id, r) -> {
                if (r.clauses() != null) {
                    indexed.add(id, r.clauses());
                    Registered previous = subscriptions.put(id, r);
                    if (previous != null && previous.clauses() == null) {
                        inMonitor.decrementAndGet();
                        leftMonitor.add(id);
                    }
                } else {
                    Registered previous = subscriptions.put(id, r);
                    if (previous == null || previous.clauses() != null) {
                        inMonitor.incrementAndGet();
                    }
                    if (previous != null && previous.clauses() != null) {
                        indexed.remove(id);
                    }
                }
            });
            if (!leftMonitor.isEmpty()) {
                monitor.deleteById(leftMonitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        disabled.forEach(this::delete);
        return new Registration(List.copyOf(accepted.keySet()), rejected);
    }

    /**
     * Applies one record of the subscriptions topic: a tombstone ({@code null}) or a disabled
     * subscription deletes, a value registers or replaces. A refused value also removes the version it was meant to replace (it is the
     * latest record, and the one a restart would see). Returns why a value was refused, if it was.
     */
    public Optional<String> apply(String key, Subscription value) {
        if (value == null || value.disabled()) {
            delete(key);
            return Optional.empty();
        }
        if (!value.id().equals(key)) {
            delete(key);
            String reason = "record key " + key + " differs from the subscription id " + value.id();
            LOG.warn("subscription refused: {}", reason);
            return Optional.of(reason);
        }
        Registration result = register(List.of(value));
        if (!result.allRegistered()) {
            delete(key);
            return Optional.of(result.rejected().get(key));
        }
        return Optional.empty();
    }

    /** Deletes a subscription; false when there was none with that id. */
    public boolean delete(String id) {
        Registered removed = subscriptions.remove(id);
        boolean existed = removed != null;
        if (removed != null && removed.clauses() != null) {
            indexed.remove(id);
        } else if (existed) {
            inMonitor.decrementAndGet();
            try {
                monitor.deleteById(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return existed;
    }

    /** The registered subscription with this id. */
    public Optional<Subscription> get(String id) {
        Registered r = subscriptions.get(id);
        return r == null ? Optional.empty() : Optional.of(r.subscription());
    }

    /** How many subscriptions are registered (in the monitor or the term index). */
    public int queryCount() {
        return subscriptions.size();
    }

    /**
     * How many subscriptions the Lucene monitor holds (the others are in the term index). It visits
     * every query: for tests, not per paper.
     */
    int monitorQueryCount() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The subscriptions the paper matches (as classified: its topics are matched too), each with why.
     * {@link MatchResult#queriesRun()} counts the monitor queries run plus the term index's candidates
     * (its groups of subscriptions with the same clauses that had a leaf of their rarest clause in the
     * paper: each group is checked once).
     */
    public MatchResult match(CanonicalPaper paper) {
        try {
            List<List<SubscriptionMatch>> runs = new ArrayList<>();
            Set<String> inMonitorMatches = new HashSet<>();
            List<String> lowerCategories = paper.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            int queriesRun = 0;
            if (inMonitor.get() > 0) {
                MatchingQueries<Why> result = monitor.match(PaperFields.document(paper), WhyMatcher::new);
                result.getErrors().forEach((id, e) -> LOG.warn("subscription {} failed on paper {}: {}", id, paper.id(), e.toString()));
                queriesRun += result.getQueriesRun();
                for (Why m : result.getMatches()) {
                    Registered r = subscriptions.get(m.getQueryId());
                    if (r != null && r.clauses() == null) {
                        inMonitorMatches.add(m.getQueryId());
                        runs.add(List.of(new SubscriptionMatch(m.getQueryId(), topics(paper, r),
                                terms(paper, lowerCategories, r.fieldTerms().has(PaperFields.CATEGORIES),
                                        c -> r.fieldTerms().matches(PaperFields.CATEGORIES, c), m.hits()))));
                    }
                }
            }
            TermIndex.Found found = indexed.match(paper);
            queriesRun += found.candidates();
            for (TermIndex.GroupMatch group : found.matches()) {
                List<String> topics = group.topics().isEmpty() ? List.of() : namedTopics(paper, group.topics());
                List<String> terms = terms(paper, lowerCategories, !group.categories().isEmpty(),
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
            runs.sort(Comparator.comparing(run -> run.get(0).subscriptionId()));
            List<SubscriptionMatch> matches = new ArrayList<>();
            runs.forEach(matches::addAll);
            return new MatchResult(matches, queriesRun, subscriptions.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs each candidate query once on the paper's memory index: a plain match, then, only when it
     * matched and its subscription asks for words or authors, its {@link Matches} for the hits (as
     * lucene-monitor's {@link HighlightsMatch} would give them, but for the matches only).
     */
    private final class WhyMatcher extends CandidateMatcher<Why> {

        WhyMatcher(IndexSearcher searcher) {
            super(searcher);
        }

        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
            Registered r = subscriptions.get(queryId);
            boolean highlighted = r != null && r.highlighted();
            Weight weight = searcher.createWeight(searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Why why = new Why(queryId);
                    if (highlighted) {
                        why.add(weight.matches(leaf, doc));
                    }
                    addMatch(why, doc);
                }
            }
        }

        @Override
        public Why resolve(Why a, Why b) {
            Why merged = new Why(a.getQueryId());
            merged.addAll(a);
            merged.addAll(b);
            return merged;
        }
    }

    /** A query that matched, with its hits per field when its subscription is highlighted. */
    private static final class Why extends QueryMatch {

        private final Map<String, Set<HighlightsMatch.Hit>> hits = new LinkedHashMap<>();

        Why(String queryId) {
            super(queryId);
        }

        Map<String, Set<HighlightsMatch.Hit>> hits() {
            return hits;
        }

        void addAll(Why other) {
            other.hits.forEach((field, h) -> hits.computeIfAbsent(field, f -> new TreeSet<>()).addAll(h));
        }

        void add(Matches matches) throws IOException {
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                MatchesIterator mi = matches.getMatches(field);
                if (mi == null) {
                    continue;
                }
                Set<HighlightsMatch.Hit> fieldHits = hits.computeIfAbsent(field, f -> new TreeSet<>());
                while (mi.next()) {
                    MatchesIterator sub = mi.getSubMatches();
                    if (sub != null) {
                        while (sub.next()) {
                            fieldHits.add(new HighlightsMatch.Hit(sub.startPosition(), sub.startOffset(),
                                    sub.endPosition(), sub.endOffset()));
                        }
                    } else {
                        fieldHits.add(new HighlightsMatch.Hit(mi.startPosition(), mi.startOffset(),
                                mi.endPosition(), mi.endOffset()));
                    }
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Why w && super.equals(o) && hits.equals(w.hits);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + hits.hashCode();
        }
    }

    private Registered compile(Subscription s) {
        if (!knownTopics.isEmpty()) {
            for (String topic : s.topics()) {
                if (!knownTopics.contains(topic)) {
                    throw new IllegalArgumentException("subscription " + s.id() + ": topic " + topic
                            + " is not in the taxonomy");
                }
            }
        }
        Query query = SubscriptionQuery.build(s);
        return new Registered(s, query, FieldTerms.of(query, VALUE_FIELDS), useTermIndex ? Clauses.of(query) : null,
                !FieldTerms.of(query, TEXT_FIELDS).isEmpty());
    }

    /** The paper's topics among {@code named}, as an immutable list (shared by every match of a group). */
    private static List<String> namedTopics(CanonicalPaper paper, Set<String> named) {
        List<String> found = new ArrayList<>(paper.topics().size());
        for (TopicMatch topic : paper.topics()) {
            if (named.contains(topic.id())) {
                found.add(topic.id());
            }
        }
        return List.copyOf(found);
    }

    /** The paper's topics that a monitor subscription names (in its topic list or a {@code topics:} clause). */
    private static List<String> topics(CanonicalPaper paper, Registered r) {
        if (r.subscription().topics().isEmpty() && !r.fieldTerms().has(PaperFields.TOPICS)) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (TopicMatch topic : paper.topics()) {
            if (r.subscription().topics().contains(topic.id()) || r.fieldTerms().matches(PaperFields.TOPICS, topic.id())) {
                named.add(topic.id());
            }
        }
        return named;
    }

    /**
     * What of the paper matched: the words of the hits, the authors they fall in, the categories named.
     *
     * @param lowerCategories  the paper's categories lowercased (as indexed), computed once per paper
     * @param namesCategories  whether the query names any category
     * @param namesCategory    whether it names this (lowercase) category
     */
    private List<String> terms(CanonicalPaper paper, List<String> lowerCategories, boolean namesCategories,
                               Predicate<String> namesCategory, Map<String, ? extends Collection<HighlightsMatch.Hit>> hits) {
        if (hits.isEmpty() && !namesCategories) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        words(terms, paper.title(), hitsIn(hits, PaperFields.TITLE));
        words(terms, paper.abstractText(), hitsIn(hits, PaperFields.ABSTRACT));
        for (String author : authors(paper.authors(), hitsIn(hits, PaperFields.AUTHORS))) {
            add(terms, PaperFields.AUTHORS + ":" + author);
        }
        for (int i = 0; i < paper.categories().size(); i++) {
            if (namesCategories && namesCategory.test(lowerCategories.get(i))) {
                add(terms, PaperFields.CATEGORIES + ":" + paper.categories().get(i));
            }
        }
        return List.copyOf(terms);
    }

    private static Collection<HighlightsMatch.Hit> hitsIn(Map<String, ? extends Collection<HighlightsMatch.Hit>> hits,
                                                          String field) {
        Collection<HighlightsMatch.Hit> found = hits.get(field);
        return found == null ? List.of() : found;
    }

    private static void words(Set<String> terms, String text, Collection<HighlightsMatch.Hit> hits) {
        if (text == null) {
            return;
        }
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset < hit.endOffset) {
                add(terms, text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The author values the hits fall in: offsets run across values, each value followed by the offset gap. */
    private List<String> authors(List<String> authors, Collection<HighlightsMatch.Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        // as Lucene's memory index counts offsets: from the first value with words on, each value
        // followed by the offset gap (values before it, such as a lone "†", take no offsets)
        List<String> counted = authors.stream().dropWhile(a -> PaperTokens.ofText(PaperFields.AUTHORS, a, analyzer) == 0)
                .toList();
        int gap = analyzer.getOffsetGap(PaperFields.AUTHORS);
        Set<String> named = new LinkedHashSet<>();
        for (HighlightsMatch.Hit hit : hits) {
            int start = 0;
            for (String author : counted) {
                if (hit.startOffset >= start && hit.startOffset < start + author.length()) {
                    named.add(author);
                    break;
                }
                start += author.length() + gap;
            }
        }
        return List.copyOf(named);
    }

    private static void add(Set<String> terms, String term) {
        if (terms.size() < MAX_TERMS * 2) {
            terms.add(term);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param clauses     the query's clauses when it is answered from the {@link TermIndex}; null when it
     *                    is a monitor query
     * @param highlighted whether the query asks for words or authors, whose matches are highlighted
     */
    private record Registered(Subscription subscription, Query query, FieldTerms fieldTerms, Clauses clauses,
                              boolean highlighted) {
    }
}
