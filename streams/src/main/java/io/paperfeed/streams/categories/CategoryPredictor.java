package io.paperfeed.streams.categories;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PredictedCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Predicts a paper's arXiv categories from its title and abstract: at most {@value #MAX_PREDICTIONS}
 * categories, best first, each with a confidence of at least {@value #CONFIDENCE_FLOOR}, and none at
 * all when the paper has fewer than {@value #MIN_KNOWN_WORDS} words the model knows (a one-line
 * abstract is scaled to the same unit length as a full one, so its probabilities would be as
 * confident on far less evidence). Thread-safe.
 */
public final class CategoryPredictor {

    public static final double CONFIDENCE_FLOOR = 0.15;
    public static final int MAX_PREDICTIONS = 3;
    public static final int MIN_KNOWN_WORDS = 20;

    private final CategoryModel model;

    public CategoryPredictor(CategoryModel model) {
        this.model = model;
    }

    /** A predictor over the model shipped in the jar (read once per JVM). */
    public static CategoryPredictor shipped() {
        return new CategoryPredictor(CategoryModel.shipped());
    }

    /** The paper's predicted categories; see the class comment for what is left out. */
    public List<PredictedCategory> predict(CanonicalPaper paper) {
        return predict(paper.title(), paper.abstractText());
    }

    public List<PredictedCategory> predict(String title, String abstractText) {
        TfIdfVector x = model.vector(title, abstractText);
        if (x.knownWords() < MIN_KNOWN_WORDS) {
            return List.of();
        }
        return ranked(x).stream()
                .filter(p -> p.confidence() >= CONFIDENCE_FLOOR)
                .limit(MAX_PREDICTIONS)
                .map(p -> new PredictedCategory(p.category(), Math.round(p.confidence() * 1000) / 1000.0))
                .toList();
    }

    /** Every category the model knows, most probable first, whatever the evidence: for evaluation. */
    List<PredictedCategory> ranked(String title, String abstractText) {
        return ranked(model.vector(title, abstractText));
    }

    private List<PredictedCategory> ranked(TfIdfVector x) {
        double[] p = model.probabilities(x);
        List<PredictedCategory> all = new ArrayList<>(p.length);
        for (int c = 0; c < p.length; c++) {
            all.add(new PredictedCategory(model.categories().get(c), p[c]));
        }
        all.sort(Comparator.comparingDouble(PredictedCategory::confidence).reversed()
                .thenComparing(PredictedCategory::category));
        return all;
    }

    CategoryModel model() {
        return model;
    }
}
