package io.paperfeed.app.evaluate;

import io.paperfeed.model.PaperEmbedding;
import java.util.ArrayList;
import java.util.List;

/** The alternative paperfeed's profile was chosen over, reported beside it. */
final class ExperimentRankers {

    private ExperimentRankers() {
    }

    /** Cosine similarity to the mean of the liked papers, moved away from the negatives' mean (Rocchio, gamma 0.5). */
    record Centroid() implements Ranker {
        @Override
        public String name() {
            return "embedding centroid (Rocchio)";
        }

        @Override
        public double[] scores(List<EvalPaper> liked, List<Rated> ratings, List<EvalPaper> candidates) {
            List<EvalPaper> pos = new ArrayList<>(liked);
            List<EvalPaper> neg = new ArrayList<>();
            ratings.forEach(r -> (r.positive() ? pos : neg).add(r.paper()));
            float[] q = new float[liked.get(0).vector().length];
            pos.forEach(p -> add(q, p.vector(), 1.0 / pos.size()));
            neg.forEach(p -> add(q, p.vector(), -0.5 / neg.size()));
            float[] unit = PaperEmbedding.unit(q);
            double[] s = new double[candidates.size()];
            for (int i = 0; i < s.length; i++) {
                float[] x = candidates.get(i).vector();
                double dot = 0;
                for (int d = 0; d < x.length; d++) {
                    dot += unit[d] * x[d];
                }
                s[i] = dot;
            }
            return s;
        }

        private static void add(float[] sum, float[] v, double weight) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += (float) (weight * v[d]);
            }
        }
    }
}
