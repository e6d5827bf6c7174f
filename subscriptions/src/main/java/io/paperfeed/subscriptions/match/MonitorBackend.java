package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.query.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
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
 * The subscriptions the {@link TermIndex} cannot answer (NOT, prefixes, wildcards, fuzzy or sloppy
 * phrases…), in one lucene-monitor {@link Monitor}: its presearcher runs only the queries that share
 * terms with the paper. Each candidate is first only matched, and only the ones that matched and ask
 * for words or authors are asked for their highlights ({@link Matches}), as lucene-monitor's
 * {@link HighlightsMatch} would give them, but for the matches only. Thread-safe.
 */
final class MonitorBackend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorBackend.class);

    /** One subscription the paper matched, with its hits per field when it is highlighted. */
    record Hit(String id, Map<String, Set<HighlightsMatch.Hit>> hits) {
    }

    /** The hits, and how many queries were run after the presearcher. */
    record Hits(List<Hit> matches, int queriesRun) {
    }

    private final Monitor monitor;

    MonitorBackend(Analyzer analyzer, Presearcher presearcher) {
        try {
            monitor = new Monitor(analyzer, presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * lucene-monitor's two-pass term-filtered presearcher (a phrase or conjunction is a candidate only
     * when the paper has two of its terms), with {@code categories} and {@code topics} terms weighted
     * down: a conjunction is indexed under its words when it has some, as a category or topic is shared
     * by many more papers than a phrase's words.
     */
    static Presearcher defaultPresearcher() {
        return new MultipassTermFilteredPresearcher(2, 0, TermWeightor.combine(TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                TermWeightor.fieldWeightor(0.1, CompiledSubscription.VALUE_FIELDS)), List.of(), Set.of());
    }

    /** Registers or replaces the queries, in one update. */
    void register(Collection<CompiledSubscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        List<MonitorQuery> queries = subscriptions.stream()
                .map(s -> new MonitorQuery(s.id(), s.query(), s.subscription().query(), Map.of())).toList();
        try {
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            monitor.deleteById(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many queries the monitor holds; it visits every query: for tests, not per paper. */
    int size() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The monitor's subscriptions the paper matches.
     *
     * @param highlighted whether a subscription id asks for its hits
     */
    Hits match(CanonicalPaper paper, Predicate<String> highlighted) {
        try {
            MatchingQueries<Why> result = monitor.match(PaperFields.document(paper),
                    searcher -> new WhyMatcher(searcher, highlighted));
            result.getErrors().forEach((id, e) -> log.warn("subscription {} failed on paper {}: {}", id, paper.id(),
                    e.toString()));
            List<Hit> hits = result.getMatches().stream().map(m -> new Hit(m.getQueryId(), m.hits)).toList();
            return new Hits(hits, result.getQueriesRun());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Runs each candidate query once: a plain match, then its {@link Matches} when it matched and is highlighted. */
    private static final class WhyMatcher extends CandidateMatcher<Why> {

        private final Predicate<String> highlighted;

        WhyMatcher(IndexSearcher searcher, Predicate<String> highlighted) {
            super(searcher);
            this.highlighted = highlighted;
        }

        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
            boolean highlight = highlighted.test(queryId);
            Weight weight = searcher.createWeight(searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Why why = new Why(queryId);
                    if (highlight) {
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
}
