package io.paperfeed.subscriptions.profile;

import io.paperfeed.embeddings.Vectors;
import io.paperfeed.model.SimilarTo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one subscription likes, learnt: a logistic regression over embeddings ({@link LinearModel}) with the
 * liked and positively rated papers as positives, and as negatives the {@link Background} papers and the
 * papers rated "not this" (each rating weighing {@link ProfileSettings#ratingCopies} background papers).
 * A paper's score is the model's probability that it is wanted; it passes at the subscription's
 * {@code minSimilarity} or else at the profile's own {@link DefaultThreshold} (the top 1 % of the background). The explanation lists the liked papers closest to it by
 * cosine similarity. Immutable: a new rating makes a new profile.
 *
 * <p>Chosen over the centroid of the liked papers (cosine to their mean, moved by ratings Rocchio's way),
 * which ranked worse on every measure of {@code paperfeed evaluate} (docs/MEANING.md).
 */
public final class Profile {

    static final int CLOSEST = 3;
    /** The scorer's name in explanations. */
    static final String SCORER = "linear";

    private final List<Example> positives;
    private final int negatives;
    private final LinearModel model;
    private final double threshold;

    private Profile(List<Example> positives, int negatives, LinearModel model, double threshold) {
        this.positives = positives;
        this.negatives = negatives;
        this.model = model;
        this.threshold = threshold;
    }

    /**
     * @param liked         the subscription's like list (all positive)
     * @param ratings       its rated papers, positive and negative
     * @param minScore      the subscription's own threshold, or null for the default
     * @throws IllegalArgumentException when there is no positive example, or the vectors' sizes differ
     */
    public static Profile of(List<Example> liked, List<Example> ratings, Double minScore, Background background,
                             ProfileSettings settings) {
        List<Example> positives = new ArrayList<>(liked);
        ratings.stream().filter(Example::positive).forEach(positives::add);
        if (positives.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one liked or positively rated paper");
        }
        int dims = positives.get(0).vector().length;
        List<float[]> pos = new ArrayList<>();
        List<float[]> neg = new ArrayList<>(background.vectors());
        liked.forEach(e -> pos.add(e.vector()));
        for (int copy = 0; copy < settings.ratingCopies(); copy++) {
            for (Example r : ratings) {
                (r.positive() ? pos : neg).add(r.vector());
            }
        }
        for (float[] v : pos) {
            requireDimensions(v, dims);
        }
        for (float[] v : neg) {
            requireDimensions(v, dims);
        }
        int negatives = (int) ratings.stream().filter(e -> !e.positive()).count();
        LinearModel model = LinearModel.train(pos, neg, settings.cost());
        return new Profile(List.copyOf(positives), negatives, model,
                minScore != null ? minScore : DefaultThreshold.of(model::probability, background, settings.defaultShare()));
    }

    /** The score of a paper's embedding: the estimated probability that it is wanted. */
    public double score(float[] x) {
        return model.probability(x);
    }

    /** Whether a score passes the threshold. */
    public boolean passes(double score) {
        return score >= threshold;
    }

    /** The explanation of a score: the threshold and the closest liked papers. */
    public SimilarTo explain(float[] x, double score) {
        List<SimilarTo.Closest> closest = new ArrayList<>();
        for (Example p : positives) {
            closest.add(new SimilarTo.Closest(p.paper(), p.title(), round(Vectors.dot(p.vector(), x))));
        }
        closest.sort(Comparator.comparingDouble(SimilarTo.Closest::similarity).reversed());
        return new SimilarTo(round(score), round(threshold), SCORER,
                closest.subList(0, Math.min(CLOSEST, closest.size())));
    }

    public double threshold() {
        return threshold;
    }

    public int dimensions() {
        return positives.get(0).vector().length;
    }

    public int positives() {
        return positives.size();
    }

    public int negatives() {
        return negatives;
    }

    private static void requireDimensions(float[] v, int dims) {
        if (v.length != dims) {
            throw new IllegalArgumentException("a profile's papers have " + dims + " dimensions, one has " + v.length);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
