package io.paperfeed.streams.categories;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains a {@link CategoryModel} with liblinear: every arXiv category with at least
 * {@link Options#minPapersPerCategory} training papers (as primary or cross-list) gets its own
 * L2-regularised logistic regression (solver {@code L2R_LR}, bias feature 1) against all other
 * papers, so a paper can belong to several categories and each probability stands on its own.
 * Weights are rounded to four decimals and those below {@link Options#pruneBelow} in magnitude are
 * dropped, which keeps the model file small. Deterministic: the same papers give the same model.
 */
public final class CategoryTrainer {

    /**
     * @param minPapersPerCategory a category is predicted only with at least this many training papers
     * @param minDocumentFrequency a word is a feature only when at least this many training papers have it
     * @param c                    liblinear's cost: higher fits the training papers more closely
     * @param pruneBelow           weights smaller than this in magnitude are set to zero
     */
    public record Options(int minPapersPerCategory, int minDocumentFrequency, double c, double pruneBelow) {

        /** What the shipped model was trained with (chosen on training days only; see package docs). */
        public static Options defaults() {
            return new Options(20, 3, 8.0, 0.05);
        }

        String describe() {
            return String.format(Locale.ROOT, "liblinear L2R_LR one-vs-rest, C=%s, bias 1; categories with >= %d "
                    + "training papers; words in >= %d papers; |weight| < %s pruned", c, minPapersPerCategory,
                    minDocumentFrequency, pruneBelow);
        }
    }

    private static final double EPSILON = 0.01;
    private final Options options;

    public CategoryTrainer(Options options) {
        this.options = options;
    }

    /** A model of the papers; {@code notes} say what they are (kept in the model file). */
    public CategoryModel train(List<LabelledPaper> papers, List<String> notes) {
        List<Map<String, Integer>> counts = papers.stream()
                .map(p -> PaperTerms.counts(p.title(), p.abstractText())).toList();
        Vocabulary vocabulary = Vocabulary.fit(counts, options.minDocumentFrequency());
        List<TfIdfVector> vectors = counts.stream().map(vocabulary::vector).toList();
        List<String> categories = categories(papers);
        double[][] weights = new double[vocabulary.size()][categories.size()];
        double[] bias = new double[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            String category = categories.get(c);
            boolean[] positive = new boolean[papers.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = papers.get(i).categories().contains(category);
            }
            double[] w = fit(vectors, positive, vocabulary.size());
            for (int t = 0; t < vocabulary.size(); t++) {
                weights[t][c] = prune(w[t]);
            }
            bias[c] = Vocabulary.round4(w[vocabulary.size()]);
        }
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add(options.describe());
        allNotes.add(String.format(Locale.ROOT, "%d training papers, %d categories, %d words", papers.size(),
                categories.size(), vocabulary.size()));
        return new CategoryModel(categories, vocabulary, weights, bias, allNotes);
    }

    /** Categories with enough training papers, most frequent first (ties by name). */
    List<String> categories(List<LabelledPaper> papers) {
        Map<String, Integer> frequency = new TreeMap<>();
        papers.forEach(p -> p.categories().forEach(c -> frequency.merge(c, 1, Integer::sum)));
        return frequency.entrySet().stream()
                .filter(e -> e.getValue() >= options.minPapersPerCategory())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** Weights of one binary logistic regression, oriented so positive means "in the category"; bias last. */
    double[] fit(List<TfIdfVector> vectors, boolean[] positive, int features) {
        Model model = liblinear(vectors, positive, features);
        double[] w = model.getFeatureWeights().clone();
        if (model.getLabels()[0] != 1) {
            for (int i = 0; i < w.length; i++) {
                w[i] = -w[i];
            }
        }
        return w;
    }

    Model liblinear(List<TfIdfVector> vectors, boolean[] positive, int features) {
        Problem problem = new Problem();
        problem.l = vectors.size();
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = vectors.stream().map(v -> features(v, features)).toArray(Feature[][]::new);
        problem.y = new double[positive.length];
        for (int i = 0; i < positive.length; i++) {
            problem.y[i] = positive[i] ? 1 : -1;
        }
        Linear.disableDebugOutput();
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, options.c(), EPSILON));
    }

    /** liblinear's 1-based features, with the bias feature last. */
    static Feature[] features(TfIdfVector v, int features) {
        Feature[] x = new Feature[v.indices().length + 1];
        for (int k = 0; k < v.indices().length; k++) {
            x[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]);
        }
        x[x.length - 1] = new FeatureNode(features + 1, 1.0);
        return x;
    }

    private double prune(double weight) {
        double rounded = Vocabulary.round4(weight);
        return Math.abs(rounded) < options.pruneBelow() ? 0 : rounded;
    }
}
