package io.paperfeed.subscriptions.profile;

/**
 * How profiles learn and score, chosen and calibrated on real arXiv papers (docs/MEANING.md,
 * {@code paperfeed evaluate}).
 *
 * @param defaultMinScore the score a paper needs when the subscription sets no {@code minSimilarity}
 * @param ratingCopies    how much one rating weighs against one background paper (a rated paper is a
 *                        hard example, said by the reader)
 * @param cost            liblinear's cost C of the per-subscription logistic regression
 */
public record ProfileSettings(double defaultMinScore, int ratingCopies, double cost) {

    public ProfileSettings {
        if (ratingCopies < 1) {
            throw new IllegalArgumentException("ratingCopies must be >= 1");
        }
    }

    /** The calibrated defaults. */
    public static ProfileSettings defaults() {
        return new ProfileSettings(0.4, 3, 1.0);
    }
}
