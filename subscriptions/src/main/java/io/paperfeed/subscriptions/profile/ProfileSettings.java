package io.paperfeed.subscriptions.profile;

/**
 * How profiles score, calibrated on real arXiv papers (docs/MEANING.md, {@code paperfeed evaluate}).
 *
 * @param defaultMinSimilarity the cosine similarity to the centroid a paper needs when the subscription
 *                             sets no {@code minSimilarity}
 * @param negativeWeight       how far the negative ratings move the centroid (Rocchio's gamma)
 * @param minRatingsForModel   negative ratings (and rated positives) a subscription needs before the
 *                             linear model replaces the centroid
 * @param modelCost            the linear model's liblinear cost C
 * @param modelThreshold       the probability the linear model needs
 */
public record ProfileSettings(double defaultMinSimilarity, double negativeWeight, int minRatingsForModel,
                              double modelCost, double modelThreshold) {

    /** The calibrated defaults. */
    public static ProfileSettings defaults() {
        return new ProfileSettings(0.5, 0.5, 5, 1.0, 0.5);
    }
}
