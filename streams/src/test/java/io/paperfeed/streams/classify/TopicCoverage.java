package io.paperfeed.streams.classify;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.streams.dedup.DedupFigures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Share of arXiv-daily papers with at least one topic, and papers per topic. Run {@link #main}. */
final class TopicCoverage {

    private TopicCoverage() {
    }

    public static void main(String[] args) throws Exception {
        List<CanonicalPaper> papers = DedupFigures.papers(Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-daily"));
        Map<String, Integer> perTopic = new TreeMap<>();
        int covered = 0;
        try (TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults())) {
            for (CanonicalPaper paper : papers) {
                List<TopicMatch> topics = classifier.classify(paper);
                if (!topics.isEmpty()) {
                    covered++;
                }
                topics.forEach(t -> perTopic.merge(t.id(), 1, Integer::sum));
            }
        }
        System.out.printf(Locale.ROOT, "arXiv-daily: %d of %d papers have at least one topic (%.1f%%)%n", covered,
                papers.size(), 100.0 * covered / papers.size());
        System.out.println("papers per topic: " + perTopic);
    }
}
