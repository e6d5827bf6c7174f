package io.paperfeed.subscriptions.taxonomy;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.QueryParsing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.ScoringMatch;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * The reference the {@link TopicClassifier} is checked against: the classifier as it was, every topic
 * query registered in a lucene-monitor {@link Monitor} and each paper matched twice (BM25 scores, then
 * highlights), each time through the monitor's presearcher and its own memory index of the paper.
 */
final class MonitorTopicClassifier implements AutoCloseable {

    static final int MAX_TERMS = TopicClassifier.MAX_TERMS;
    static final double MIN_SCORE = TopicClassifier.MIN_SCORE;
    private final Monitor monitor;

    MonitorTopicClassifier(Taxonomy taxonomy) {
        try {
            monitor = new Monitor(PaperFields.analyzer());
            List<MonitorQuery> queries = new ArrayList<>();
            for (TopicDefinition topic : taxonomy.topics()) {
                queries.add(new MonitorQuery(topic.id(), QueryParsing.parse(topic.query()), topic.query(), Map.of()));
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every topic the monitor scores above 0, with its BM25 score as the monitor sums it. */
    Map<String, Float> rawScores(CanonicalPaper paper) {
        try {
            MatchingQueries<ScoringMatch> scores = monitor.match(PaperFields.document(paper.withTopics(List.of())),
                    ScoringMatch.matchWithSimilarity(new BM25Similarity()));
            Map<String, Float> raw = new java.util.TreeMap<>();
            scores.getMatches().forEach(m -> raw.put(m.getQueryId(), m.getScore()));
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paper's topics, best first. */
    List<TopicMatch> classify(CanonicalPaper paper) {
        Document doc = PaperFields.document(paper.withTopics(List.of()));
        try {
            MatchingQueries<ScoringMatch> scores = monitor.match(doc,
                    ScoringMatch.matchWithSimilarity(new BM25Similarity()));
            if (scores.getMatches().stream().noneMatch(m -> m.getScore() >= MIN_SCORE)) {
                return List.of(); // no topic: spare the second pass (highlights), the larger half of the cost
            }
            MatchingQueries<HighlightsMatch> highlights = monitor.match(doc, HighlightsMatch.MATCHER);
            List<TopicMatch> topics = new ArrayList<>();
            for (ScoringMatch match : scores.getMatches()) {
                if (match.getScore() < MIN_SCORE) {
                    continue;
                }
                double score = Math.round(match.getScore() * 1000) / 1000.0;
                topics.add(new TopicMatch(match.getQueryId(), score,
                        terms(paper, highlights.matches(match.getQueryId()))));
            }
            topics.sort(Comparator.comparingDouble(TopicMatch::score).reversed());
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> terms(CanonicalPaper paper, HighlightsMatch highlights) {
        Set<String> terms = new LinkedHashSet<>();
        if (highlights != null) {
            for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
                String text = PaperFields.text(paper, field);
                for (HighlightsMatch.Hit hit : highlights.getHits(field)) {
                    if (hit.endOffset <= text.length() && terms.size() < MAX_TERMS) {
                        terms.add(text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return List.copyOf(terms);
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
