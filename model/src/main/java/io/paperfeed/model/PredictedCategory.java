package io.paperfeed.model;

/**
 * An arXiv category predicted for a paper whose feed gave none, with the model's confidence: the
 * estimated probability that the category is one of the paper's real arXiv categories (primary or
 * cross-list). Never mixed with the categories a feed gave, which stay in
 * {@link CanonicalPaper#categories()}.
 *
 * @param category   an arXiv category such as {@code cs.CV}
 * @param confidence a probability in [0, 1]
 */
public record PredictedCategory(String category, double confidence) {

    public PredictedCategory {
        Provenance.requireText(category, "category");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be a probability in [0, 1], was " + confidence);
        }
    }
}
