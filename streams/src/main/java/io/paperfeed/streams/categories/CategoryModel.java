package io.paperfeed.streams.categories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained arXiv category model: one logistic regression per category over a paper's TF-IDF
 * vector, {@code P(category is one of the paper's categories) = 1 / (1 + exp(-(w·x + b)))}.
 * Immutable and thread-safe; the one shipped in the jar is loaded once per JVM ({@link #shipped()}).
 */
public final class CategoryModel {

    static final String SHIPPED_RESOURCE = "/io/paperfeed/streams/categories/arxiv-categories.model.gz";
    private static final Logger log = LoggerFactory.getLogger(CategoryModel.class);
    private static CategoryModel shipped;

    private final List<String> categories;
    private final Vocabulary vocabulary;
    private final double[][] weights;
    private final double[] bias;
    private final List<String> notes;

    /**
     * @param weights per vocabulary term, one weight per category (0 where pruned)
     * @param bias    per category
     * @param notes   what the model was trained on, kept as comment lines in the model file
     */
    CategoryModel(List<String> categories, Vocabulary vocabulary, double[][] weights, double[] bias,
                  List<String> notes) {
        if (weights.length != vocabulary.size() || bias.length != categories.size()) {
            throw new IllegalArgumentException("weights do not fit the vocabulary and categories");
        }
        this.categories = List.copyOf(categories);
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias.clone();
        this.notes = List.copyOf(notes);
    }

    /** The model shipped in the jar, read on first use and then shared by every stream task. */
    public static synchronized CategoryModel shipped() {
        if (shipped == null) {
            long start = System.nanoTime();
            try (InputStream in = CategoryModel.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the arXiv category model is missing from the jar");
                }
                shipped = ModelFile.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the arXiv category model", e);
            }
            log.info("arXiv category model loaded in {} ms: {} categories, {} terms",
                    (System.nanoTime() - start) / 1_000_000, shipped.categories.size(), shipped.vocabulary.size());
        }
        return shipped;
    }

    /** The categories this model can predict, in the order of {@link #probabilities}. */
    public List<String> categories() {
        return categories;
    }

    /** What the model was trained on and how. */
    public List<String> notes() {
        return notes;
    }

    TfIdfVector vector(String title, String abstractText) {
        return vocabulary.vector(PaperTerms.counts(title, abstractText));
    }

    /** For each category, the probability that it is one of the paper's categories. */
    double[] probabilities(TfIdfVector x) {
        double[] scores = bias.clone();
        for (int k = 0; k < x.indices().length; k++) {
            double[] w = weights[x.indices()[k]];
            for (int c = 0; c < scores.length; c++) {
                scores[c] += w[c] * x.values()[k];
            }
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] = 1 / (1 + Math.exp(-scores[c]));
        }
        return scores;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    double weight(int term, int category) {
        return weights[term][category];
    }

    double bias(int category) {
        return bias[category];
    }
}
