package io.paperfeed.app.evaluate;

import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.streams.meaning.TopicsByMeaning;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Topics by meaning, checked where the answer is known: on the held-out papers that some topic query does
 * match, how often the nearest topic by meaning is one of the topics their queries gave (the topics by
 * meaning never see the queries' result).
 */
final class TopicMeaningEvaluation {

    private TopicMeaningEvaluation() {
    }

    static void report(PrintStream out, List<EvalPaper> training, List<EvalPaper> test, Taxonomy taxonomy,
                       TextEmbedder embedder) {
        TopicsByMeaning described = new TopicsByMeaning(taxonomy, embedder);
        TopicsByMeaning examples = TopicsByMeaning.withExamples(taxonomy, embedder, examples(training, taxonomy));
        int with = 0;
        int none = 0;
        int hitDescribed = 0;
        int hitExamples = 0;
        try (TopicClassifier classifier = new TopicClassifier(taxonomy)) {
            for (EvalPaper p : test) {
                Set<String> query = classifier.classify(paper(p)).stream().map(TopicMatch::id).collect(Collectors.toSet());
                if (query.isEmpty()) {
                    none++;
                    continue;
                }
                with++;
                hitDescribed += query.contains(described.nearest(p.vector()).get(0).id()) ? 1 : 0;
                hitExamples += query.contains(examples.nearest(p.vector()).get(0).id()) ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "%ntopics by meaning, on the %d held-out papers some topic query matches (%d match none):%n",
                with, none);
        out.printf(Locale.ROOT, "  nearest topic is one of their query topics: from descriptions %.1f %%, from "
                + "descriptions and example papers %.1f %%%n", 100.0 * hitDescribed / with, 100.0 * hitExamples / with);
    }

    /** The training papers each topic query matches, as embeddings. */
    static Map<String, List<float[]>> examples(List<EvalPaper> training, Taxonomy taxonomy) {
        Map<String, List<float[]>> byTopic = new java.util.HashMap<>();
        try (TopicClassifier classifier = new TopicClassifier(taxonomy)) {
            for (EvalPaper p : training) {
                for (TopicMatch t : classifier.classify(paper(p))) {
                    byTopic.computeIfAbsent(t.id(), k -> new java.util.ArrayList<>()).add(p.vector());
                }
            }
        }
        return byTopic;
    }

    static CanonicalPaper paper(EvalPaper p) {
        return new CanonicalPaper("arxiv:" + p.id(), p.id(), null, null, p.title(), p.abstractText(), List.of(),
                p.categories(), List.of(), null, null, null, List.of(), List.of(),
                List.of(new Provenance("evaluate", "arxiv-daily", 1, Instant.EPOCH)), List.of(), CanonicalPaper.Change.NEW);
    }
}
