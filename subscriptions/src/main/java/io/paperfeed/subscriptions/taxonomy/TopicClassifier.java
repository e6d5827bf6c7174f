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
 * Tags papers with the taxonomy's topics: every topic query is registered in a lucene-monitor
 * {@link Monitor}, each paper is matched against all of them at once, and every topic found carries
 * its BM25 score and the words of the paper that matched (its explanation).
 */
public final class TopicClassifier implements AutoCloseable {

    static final int MAX_TERMS = 8;
    /**
     * The lowest BM25 score that makes a topic: below it a topic rests on one common word in a long
     * abstract ("our code is available", "zero-shot"), which a reader does not take for the topic.
     */
    static final double MIN_SCORE = 0.5;
    private final Monitor monitor;

    public TopicClassifier(Taxonomy taxonomy) {
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

    /** The paper's topics, best first. */
    public List<TopicMatch> classify(CanonicalPaper paper) {
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
