package io.paperfeed.app.evaluate;

import java.util.List;

/** Precision and nDCG at k of a ranking with binary relevance. */
final class RankMetrics {

    private RankMetrics() {
    }

    static double precisionAt(int k, List<Boolean> ranked) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            hits += ranked.get(i) ? 1 : 0;
        }
        return (double) hits / k;
    }

    /** @param relevantTotal how many relevant items exist (the ideal ranking puts them first) */
    static double ndcgAt(int k, List<Boolean> ranked, int relevantTotal) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += ranked.get(i) ? 1.0 / log2(i + 2) : 0;
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevantTotal); i++) {
            ideal += 1.0 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
