package io.paperfeed.subscriptions.profile;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;

/**
 * A logistic regression over embeddings (liblinear, L2-regularised, a bias feature), trained on one
 * subscription's positive and negative examples: {@code w·x + b}, as a probability.
 */
public final class LinearModel {

    static {
        Linear.disableDebugOutput();
    }

    private final float[] weights;
    private final double bias;

    private LinearModel(float[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param c liblinear's cost: higher fits the examples more closely
     * @throws IllegalArgumentException without at least one example of each kind
     */
    public static LinearModel train(List<float[]> positives, List<float[]> negatives, double c) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalArgumentException("a linear model needs positive and negative examples");
        }
        int dims = positives.get(0).length;
        Problem problem = new Problem();
        problem.l = positives.size() + negatives.size();
        problem.n = dims + 1;
        problem.bias = 1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        int i = 0;
        for (float[] p : positives) {
            problem.x[i] = features(p);
            problem.y[i++] = 1;
        }
        for (float[] n : negatives) {
            problem.x[i] = features(n);
            problem.y[i++] = 0;
        }
        // weight the classes by their sizes, so five liked papers are not drowned by fifty ratings
        double wPos = (double) problem.l / (2.0 * positives.size());
        double wNeg = (double) problem.l / (2.0 * negatives.size());
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.001);
        parameter.setWeights(new double[] {wPos, wNeg}, new int[] {1, 0});
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        int positiveIndex = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[dims];
        for (int d = 0; d < dims; d++) {
            weights[d] = (float) (positiveIndex * w[d]);
        }
        return new LinearModel(weights, positiveIndex * w[dims]);
    }

    /** The estimated probability that the paper is wanted. */
    public double probability(float[] x) {
        double z = bias;
        for (int d = 0; d < weights.length; d++) {
            z += weights[d] * x[d];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static Feature[] features(float[] v) {
        Feature[] f = new Feature[v.length + 1];
        for (int d = 0; d < v.length; d++) {
            f[d] = new FeatureNode(d + 1, v[d]);
        }
        f[v.length] = new FeatureNode(v.length + 1, 1.0);
        return f;
    }
}
