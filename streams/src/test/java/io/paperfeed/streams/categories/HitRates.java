package io.paperfeed.streams.categories;

import io.paperfeed.model.PredictedCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well predictions match papers' real categories: top-1 accuracy (the most probable category is
 * one of the paper's categories), top-3 hit rate (one of the three most probable is), and what the
 * predictor really emits (floor {@value CategoryPredictor#CONFIDENCE_FLOOR}, at most three).
 */
record HitRates(int papers, int top1, int top3, int emitted, int emittedCorrect, int withoutPrediction,
                int outsideModel, int[] binCount, double[] binPredicted, int[] binObserved) {

    static final double[] BIN_EDGES = {0.0, 0.15, 0.3, 0.5, 0.7, 0.9, 1.0000001};

    static HitRates of(CategoryPredictor predictor, List<LabelledPaper> papers) {
        int top1 = 0;
        int top3 = 0;
        int emitted = 0;
        int emittedCorrect = 0;
        int without = 0;
        int outside = 0;
        int bins = BIN_EDGES.length - 1;
        int[] binCount = new int[bins];
        double[] binPredicted = new double[bins];
        int[] binObserved = new int[bins];
        for (LabelledPaper p : papers) {
            List<PredictedCategory> ranked = predictor.ranked(p.title(), p.abstractText());
            top1 += hit(ranked.subList(0, 1), p) ? 1 : 0;
            top3 += hit(ranked.subList(0, Math.min(3, ranked.size())), p) ? 1 : 0;
            outside += p.categories().stream().noneMatch(predictor.model().categories()::contains) ? 1 : 0;
            List<PredictedCategory> out = predictor.predict(p.title(), p.abstractText());
            emitted += out.size();
            emittedCorrect += (int) out.stream().filter(c -> p.categories().contains(c.category())).count();
            without += out.isEmpty() ? 1 : 0;
            for (PredictedCategory c : ranked) {
                int b = bin(c.confidence());
                binCount[b]++;
                binPredicted[b] += c.confidence();
                binObserved[b] += p.categories().contains(c.category()) ? 1 : 0;
            }
        }
        return new HitRates(papers.size(), top1, top3, emitted, emittedCorrect, without, outside, binCount,
                binPredicted, binObserved);
    }

    double top1Rate() {
        return top1 / (double) papers;
    }

    double top3Rate() {
        return top3 / (double) papers;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "top-1 accuracy (top category is one of the paper's): %.4f (%d/%d)",
                        top1Rate(), top1, papers),
                String.format(Locale.ROOT, "top-3 hit rate: %.4f (%d/%d)", top3Rate(), top3, papers),
                String.format(Locale.ROOT, "emitted (confidence >= %.2f, at most %d): %.2f per paper, %.4f of them "
                        + "correct, %d papers with none", CategoryPredictor.CONFIDENCE_FLOOR,
                        CategoryPredictor.MAX_PREDICTIONS, emitted / (double) papers,
                        emitted == 0 ? 0 : emittedCorrect / (double) emitted, withoutPrediction),
                String.format(Locale.ROOT, "papers with none of their categories in the model: %d", outsideModel),
                "calibration (all paper x category pairs): predicted range: pairs, mean confidence, observed rate"));
        for (int b = 0; b < binCount.length; b++) {
            if (binCount[b] > 0) {
                lines.add(String.format(Locale.ROOT, "  [%.2f, %.2f): %6d pairs, mean %.3f, observed %.3f",
                        BIN_EDGES[b], Math.min(1.0, BIN_EDGES[b + 1]), binCount[b], binPredicted[b] / binCount[b],
                        binObserved[b] / (double) binCount[b]));
            }
        }
        return lines;
    }

    private static boolean hit(List<PredictedCategory> predicted, LabelledPaper p) {
        return predicted.stream().anyMatch(c -> p.categories().contains(c.category()));
    }

    private static int bin(double confidence) {
        int b = 0;
        while (confidence >= BIN_EDGES[b + 1]) {
            b++;
        }
        return b;
    }
}
