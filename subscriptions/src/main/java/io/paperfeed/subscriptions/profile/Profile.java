package io.paperfeed.subscriptions.profile;

import io.paperfeed.embeddings.Vectors;
import io.paperfeed.model.SimilarTo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one subscription likes, as vectors: the liked papers and the rated ones, and the scorer made of
 * them. Until the subscription has {@link ProfileSettings#minRatingsForModel} ratings of each kind the
 * scorer is the centroid (the mean of the positives, moved away from the mean of the negatives, Rocchio's
 * way) and a paper's score is its cosine similarity to it; after, a per-subscription
 * {@link LinearModel} over the same examples gives the score (a probability). Immutable: a new rating
 * makes a new profile.
 */
public final class Profile {

    /** The scorer of a profile: the centroid, or the per-subscription linear model. */
    public enum Scorer {
        CENTROID, LINEAR;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final int CLOSEST = 3;

    private final List<Example> positives;
    private final List<Example> negatives;
    private final float[] centroid;
    private final LinearModel model;
    private final double threshold;

    private Profile(List<Example> positives, List<Example> negatives, float[] centroid, LinearModel model,
                    double threshold) {
        this.positives = positives;
        this.negatives = negatives;
        this.centroid = centroid;
        this.model = model;
        this.threshold = threshold;
    }

    /**
     * @param minSimilarity the subscription's own threshold for the centroid score, or null for the default
     * @throws IllegalArgumentException when there is no positive example
     */
    public static Profile of(List<Example> examples, Double minSimilarity, ProfileSettings settings) {
        List<Example> positives = examples.stream().filter(Example::positive).toList();
        List<Example> negatives = examples.stream().filter(e -> !e.positive()).toList();
        if (positives.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one liked or positively rated paper");
        }
        float[] centroid = centroid(positives, negatives, settings.negativeWeight());
        long ratedPositives = positives.stream().filter(e -> e.paper() != null).count();
        boolean enough = negatives.size() >= settings.minRatingsForModel()
                && ratedPositives >= Math.min(settings.minRatingsForModel(), positives.size());
        LinearModel model = enough ? LinearModel.train(vectors(positives), vectors(negatives), settings.modelCost())
                : null;
        double threshold = model != null ? settings.modelThreshold()
                : minSimilarity != null ? minSimilarity : settings.defaultMinSimilarity();
        return new Profile(positives, negatives, centroid, model, threshold);
    }

    /** The score of a paper's embedding (higher is more wanted). */
    public double score(float[] x) {
        return model != null ? model.probability(x) : Vectors.dot(centroid, x);
    }

    /** Whether a score passes the threshold. */
    public boolean passes(double score) {
        return score >= threshold;
    }

    /** The explanation of a score: the threshold, the scorer and the closest liked papers. */
    public SimilarTo explain(float[] x, double score) {
        List<SimilarTo.Closest> closest = new ArrayList<>();
        for (Example p : positives) {
            closest.add(new SimilarTo.Closest(p.paper(), p.title(), round(Vectors.dot(p.vector(), x))));
        }
        closest.sort(Comparator.comparingDouble(SimilarTo.Closest::similarity).reversed());
        return new SimilarTo(round(score), threshold, scorer().json(), closest.subList(0, Math.min(CLOSEST,
                closest.size())));
    }

    public Scorer scorer() {
        return model != null ? Scorer.LINEAR : Scorer.CENTROID;
    }

    public double threshold() {
        return threshold;
    }

    public int dimensions() {
        return centroid.length;
    }

    public int positives() {
        return positives.size();
    }

    public int negatives() {
        return negatives.size();
    }

    private static float[] centroid(List<Example> positives, List<Example> negatives, double negativeWeight) {
        int dims = positives.get(0).vector().length;
        float[] c = new float[dims];
        add(c, positives, 1.0 / positives.size());
        if (!negatives.isEmpty()) {
            add(c, negatives, -negativeWeight / negatives.size());
        }
        return io.paperfeed.model.PaperEmbedding.unit(c);
    }

    private static void add(float[] sum, List<Example> examples, double weight) {
        for (Example e : examples) {
            if (e.vector().length != sum.length) {
                throw new IllegalArgumentException("the examples of a profile have different dimensions");
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] += (float) (weight * e.vector()[d]);
            }
        }
    }

    private static List<float[]> vectors(List<Example> examples) {
        return examples.stream().map(Example::vector).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
