package io.paperfeed.subscriptions.profile;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The threshold of a profile whose subscription sets no {@code minSimilarity}: the score above which
 * only a given share of the {@link Background} papers lie. One absolute score means different things
 * for different profiles (five liked papers of a wide field score many papers high, of a narrow one
 * few), so the default is relative: every profile lets through about the same share of papers like
 * the background's, chosen by {@code paperfeed evaluate} on the training days (docs/MEANING.md).
 */
public final class DefaultThreshold {

    private DefaultThreshold() {
    }

    /**
     * @param share the share of background papers that pass, in (0, 1]; at least the highest one passes
     * @return the score of the background paper of rank {@code max(1, round(share × size))}, highest first
     */
    public static double of(ToDoubleFunction<float[]> score, Background background, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the background share must be in (0, 1], was " + share);
        }
        double[] scores = background.vectors().stream().mapToDouble(score).toArray();
        if (scores.length == 0) {
            throw new IllegalArgumentException("the background has no papers");
        }
        Arrays.sort(scores);
        int rank = (int) Math.max(1, Math.round(share * scores.length));
        return scores[scores.length - rank];
    }
}
