package io.paperfeed.subscriptions.taxonomy;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.query.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch.Hit;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Tags papers with the taxonomy's topics, each with its BM25 score and the words of the paper that
 * matched (its explanation). The answers are lucene-monitor's (its query decomposition, memory index,
 * BM25 and highlights, checked paper by paper against a {@code Monitor} by
 * {@code TopicClassifierEquivalenceTest}), at a fraction of the cost: the paper is analysed into one
 * memory index, used for the scores and the highlights alike; a disjunct none of whose terms the paper
 * has is not run (the monitor's presearcher, as a table lookup, {@link TopicQueries}); and highlights
 * are asked only of topics that reach {@link #MIN_SCORE}. Thread-safe.
 */
public final class TopicClassifier implements AutoCloseable {

    static final int MAX_TERMS = 8;
    /**
     * The lowest BM25 score that makes a topic: below it a topic rests on one common word in a long
     * abstract ("our code is available", "zero-shot"), which a reader does not take for the topic.
     */
    static final double MIN_SCORE = 0.5;
    private static final List<String> HIGHLIGHTED_FIELDS = List.of(PaperFields.TITLE, PaperFields.ABSTRACT);

    private final TopicQueries queries;
    private final Analyzer analyzer = PaperFields.analyzer();

    public TopicClassifier(Taxonomy taxonomy) {
        this.queries = new TopicQueries(taxonomy);
    }

    /** The paper's topics, best first; topics of equal (rounded) score in the taxonomy's order. */
    public List<TopicMatch> classify(CanonicalPaper paper) {
        PaperIndex index = PaperIndex.of(paper, analyzer, queries.fields());
        boolean[] candidates = queries.candidates(index.leaf().reader());
        List<TopicMatch> topics = new ArrayList<>();
        scores(index, candidates).forEach((topic, score) -> {
            if (score >= MIN_SCORE) {
                topics.add(new TopicMatch(queries.ids().get(topic), Math.round(score * 1000) / 1000.0,
                        terms(paper, highlights(index, candidates, topic))));
            }
        });
        topics.sort(Comparator.comparingDouble(TopicMatch::score).reversed()); // stable: ties in taxonomy order
        return topics;
    }

    /** Every topic scored above 0, by id, with its score as lucene-monitor sums it: for the equivalence test. */
    Map<String, Float> rawScores(CanonicalPaper paper) {
        PaperIndex index = PaperIndex.of(paper, analyzer, queries.fields());
        Map<String, Float> raw = new TreeMap<>();
        scores(index, queries.candidates(index.leaf().reader())).forEach((t, s) -> raw.put(queries.ids().get(t), s));
        return raw;
    }

    /**
     * Topic → score: each matching disjunct's BM25 score added to the topic's sum in the monitor's order
     * (its {@code ScoringMatch} adds the new match to the one so far), so the floats are the monitor's;
     * in the taxonomy's order.
     */
    private Map<Integer, Float> scores(PaperIndex index, boolean[] candidates) {
        Map<Integer, Float> scores = new TreeMap<>();
        IndexSearcher searcher = index.searcher();
        try {
            for (int d = 0; d < candidates.length; d++) {
                if (!candidates[d]) {
                    continue;
                }
                TopicQueries.Disjunct disjunct = queries.disjuncts().get(d);
                Weight weight = searcher.createWeight(disjunct.rewrite(searcher), ScoreMode.COMPLETE, 1);
                Scorer scorer = weight.scorer(index.leaf());
                if (scorer == null || scorer.iterator().nextDoc() == DocIdSetIterator.NO_MORE_DOCS) {
                    continue;
                }
                float score = scorer.score();
                if (score > 0) {
                    scores.merge(disjunct.topic(), score, (sum, added) -> added + sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scores;
    }

    /** The topic's hits per field, as lucene-monitor's {@code HighlightsMatch} collects them. */
    private Map<String, Set<Hit>> highlights(PaperIndex index, boolean[] candidates, int topic) {
        Map<String, Set<Hit>> hits = new HashMap<>();
        IndexSearcher searcher = index.searcher();
        try {
            for (int d = 0; d < candidates.length; d++) {
                TopicQueries.Disjunct disjunct = queries.disjuncts().get(d);
                if (!candidates[d] || disjunct.topic() != topic) {
                    continue;
                }
                Query rewritten = disjunct.rewrite(searcher);
                Matches matches = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1)
                        .matches(index.leaf(), 0);
                if (matches != null) {
                    addHits(matches, hits);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    private static void addHits(Matches matches, Map<String, Set<Hit>> hits) throws IOException {
        for (String field : matches) {
            MatchesIterator mi = matches.getMatches(field);
            if (mi == null) {
                continue;
            }
            Set<Hit> fieldHits = hits.computeIfAbsent(field, f -> new TreeSet<>());
            while (mi.next()) {
                MatchesIterator sub = mi.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        fieldHits.add(new Hit(sub.startPosition(), sub.startOffset(), sub.endPosition(), sub.endOffset()));
                    }
                } else {
                    fieldHits.add(new Hit(mi.startPosition(), mi.startOffset(), mi.endPosition(), mi.endOffset()));
                }
            }
        }
    }

    private static List<String> terms(CanonicalPaper paper, Map<String, Set<Hit>> hits) {
        Set<String> terms = new LinkedHashSet<>();
        for (String field : HIGHLIGHTED_FIELDS) {
            String text = PaperFields.text(paper, field);
            for (Hit hit : hits.getOrDefault(field, Set.of())) {
                if (hit.endOffset <= text.length() && terms.size() < MAX_TERMS) {
                    terms.add(text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(terms);
    }

    /** Nothing to release (the memory indexes live for one paper); kept for callers' try-with-resources. */
    @Override
    public void close() {
    }
}
