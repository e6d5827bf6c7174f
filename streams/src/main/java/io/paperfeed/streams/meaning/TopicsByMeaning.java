package io.paperfeed.streams.meaning;

import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.embeddings.Vectors;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import io.paperfeed.model.PaperEmbedding;

/**
 * The nearest taxonomy topics of a paper no topic query matched: each topic is embedded once from its name
 * and description, and a paper gets the topic most similar to its embedding, and the next ones within
 * {@link #WITHIN} of it (at most {@link #MAX}), each marked {@code by: meaning} with its cosine similarity.
 */
public final class TopicsByMeaning {

    static final double WITHIN = 0.03;
    static final int MAX = 2;

    private final List<String> ids = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    public TopicsByMeaning(Taxonomy taxonomy, TextEmbedder embedder) {
        this(taxonomy, embedder, Map.of());
    }

    private TopicsByMeaning(Taxonomy taxonomy, TextEmbedder embedder, Map<String, List<float[]>> examples) {
        for (TopicDefinition t : taxonomy.topics()) {
            ids.add(t.id());
            float[] described = embedder.embed(t.name() + ". " + t.description());
            List<float[]> shown = examples.getOrDefault(t.id(), List.of());
            if (shown.isEmpty()) {
                vectors.add(described);
            } else { // the description weighs as much as all the example papers together
                float[] sum = described.clone();
                for (float[] e : shown) {
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += e[d] / shown.size();
                    }
                }
                vectors.add(PaperEmbedding.unit(sum));
            }
        }
    }

    /** Topic vectors from each topic's description and the embeddings of papers its query matched. */
    public static TopicsByMeaning withExamples(Taxonomy taxonomy, TextEmbedder embedder,
                                               Map<String, List<float[]>> examples) {
        return new TopicsByMeaning(taxonomy, embedder, examples);
    }

    /** The nearest topics of a paper's embedding, best first (at least one). */
    public List<TopicMatch> nearest(float[] paper) {
        List<TopicMatch> all = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            all.add(TopicMatch.byMeaning(ids.get(i), Math.round(Vectors.dot(vectors.get(i), paper) * 1000) / 1000.0));
        }
        all.sort(Comparator.comparingDouble(TopicMatch::score).reversed());
        double best = all.get(0).score();
        return all.stream().filter(t -> t.score() >= best - WITHIN).limit(MAX).toList();
    }
}
