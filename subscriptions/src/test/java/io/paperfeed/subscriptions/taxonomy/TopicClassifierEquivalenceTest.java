package io.paperfeed.subscriptions.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.match.MatchingThroughput;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The topic classifier answers exactly as lucene-monitor did: for every paper of a real arXiv day, the
 * same topics with the same scores (the raw float sums, not only the rounded ones) and the same matched
 * words as {@link MonitorTopicClassifier}, best first. Topics of equal rounded score came in the
 * monitor's hash order; the classifier puts them in taxonomy order, so both lists are compared in that
 * order. {@link #main} runs it over a whole folder.
 */
class TopicClassifierEquivalenceTest {

    @Test
    void theClassifierAndTheMonitorAgreeOnEveryPaperOfADay() throws Exception {
        Path day = Path.of(getClass().getResource("/arxiv-daily-2025-04-08-300.jsonl.gz").toURI()).getParent();
        Comparison c = compare(MatchingThroughput.read(day), Taxonomy.defaults());
        assertTrue(c.papers() >= 290, "papers: " + c.papers());
        assertTrue(c.topics() > c.papers(), "the comparison covers many topics: " + c.topics());
        assertTrue(c.scored() > 2 * c.papers(), "and many more scores under the threshold: " + c.scored());
    }

    @Test
    void aTaxonomyWithPrefixesWildcardsNotsAndFieldsAgreesToo() throws Exception {
        Path day = Path.of(getClass().getResource("/arxiv-daily-2025-04-08-300.jsonl.gz").toURI()).getParent();
        Taxonomy odd = new Taxonomy(List.of(
                new TopicDefinition("prefixed", null, null, "transform* OR diffus*^2"),
                new TopicDefinition("negated", null, null, "(\"language model\" OR llm) AND NOT survey"),
                new TopicDefinition("titled", null, null, "title:agent^3 OR abstract:\"reinforcement learning\""),
                new TopicDefinition("sloppy", null, null, "\"large models\"~3 OR (graph AND neural)^2"),
                new TopicDefinition("fuzzy", null, null, "segmentaton~1 OR robot*"),
                new TopicDefinition("mixed", null, null, "(model* OR method) AND (learn* OR result)"),
                new TopicDefinition("categorised", null, null, "categories:cs.cv AND image")));
        Comparison c = compare(MatchingThroughput.read(day), odd);
        assertTrue(c.topics() > 100, "topics: " + c.topics());
    }

    record Comparison(int papers, long topics, long scored) {
    }

    /** Classifies each paper both ways and fails at the first difference. */
    static Comparison compare(List<CanonicalPaper> papers, Taxonomy taxonomy) {
        long topics = 0;
        long scored = 0;
        try (MonitorTopicClassifier monitor = new MonitorTopicClassifier(taxonomy);
             TopicClassifier classifier = new TopicClassifier(taxonomy)) {
            for (CanonicalPaper paper : papers) {
                assertEquals(monitor.rawScores(paper), classifier.rawScores(paper), "scores of " + paper.id());
                List<TopicMatch> expected = inTaxonomyOrder(monitor.classify(paper), taxonomy);
                assertEquals(expected, classifier.classify(paper), "topics of " + paper.id());
                topics += expected.size();
                scored += monitor.rawScores(paper).size();
            }
        }
        return new Comparison(papers.size(), topics, scored);
    }

    private static List<TopicMatch> inTaxonomyOrder(List<TopicMatch> topics, Taxonomy taxonomy) {
        List<String> order = taxonomy.topics().stream().map(TopicDefinition::id).toList();
        return topics.stream().sorted(Comparator.comparingDouble(TopicMatch::score).reversed()
                .thenComparing(t -> order.indexOf(t.id()))).toList();
    }

    /** Usage: {@code TopicClassifierEquivalenceTest [arxiv-daily folder]}. */
    public static void main(String[] args) throws Exception {
        List<CanonicalPaper> papers = MatchingThroughput.read(Path.of(args.length > 0 ? args[0]
                : "/work/shared/data/arxiv-daily"));
        Comparison c = compare(papers, Taxonomy.defaults());
        System.out.printf(Locale.ROOT, "%d papers: %d topics and %d scores identical%n", c.papers(), c.topics(),
                c.scored());
    }
}
