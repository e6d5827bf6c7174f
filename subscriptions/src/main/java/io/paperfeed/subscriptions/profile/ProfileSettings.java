package io.paperfeed.subscriptions.profile;

/**
 * How profiles learn and score, chosen and calibrated on real arXiv papers (docs/MEANING.md,
 * {@code paperfeed evaluate}).
 *
 * @param defaultShare    when the subscription sets no {@code minSimilarity}: the share of the background
 *                        papers a profile lets through ({@link DefaultThreshold})
 * @param ratingCopies    how much one rating weighs against one background paper (a rated paper is a
 *                        hard example, said by the reader)
 * @param cost            liblinear's cost C of the per-subscription logistic regression
 */
public record ProfileSettings(double defaultShare, int ratingCopies, double cost) {

    public ProfileSettings {
        if (!(defaultShare > 0 && defaultShare <= 1)) {
            throw new IllegalArgumentException("defaultShare must be in (0, 1]");
        }
        if (ratingCopies < 1) {
            throw new IllegalArgumentException("ratingCopies must be >= 1");
        }
    }

    /** The calibrated defaults: the top 1 % of the background passes (its 10th paper of 1,000). */
    public static ProfileSettings defaults() {
        return new ProfileSettings(0.01, 3, 1.0);
    }
}
