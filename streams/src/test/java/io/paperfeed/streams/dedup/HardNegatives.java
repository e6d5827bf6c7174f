package io.paperfeed.streams.dedup;

import io.paperfeed.model.text.FingerprintText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** The pairs of different papers whose abstracts share the most words: the hardest negatives. */
final class HardNegatives {

    record Pairs(List<int[]> pairs, double maxEstimatedSimilarity) {
    }

    private HardNegatives() {
    }

    static Pairs highestOverlap(List<ArxivDailyCorpus.Paper> papers, int howMany) {
        List<Set<String>> words = new ArrayList<>();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            Set<String> set = new HashSet<>(Arrays.asList(FingerprintText.of(papers.get(i).summary()).split(" ")));
            set.removeIf(w -> w.length() < 4);
            words.add(set);
            for (String w : set) {
                postings.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
        PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[2], b[2]));
        for (int i = 0; i < papers.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String w : words.get(i)) {
                List<Integer> list = postings.get(w);
                if (list.size() > papers.size() / 20) {
                    continue; // common words say nothing about a pair
                }
                for (int j : list) {
                    if (j > i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            for (var e : shared.entrySet()) {
                int j = e.getKey();
                double jaccard = e.getValue() / (double) (words.get(i).size() + words.get(j).size() - e.getValue());
                best.add(new double[] {i, j, jaccard});
                if (best.size() > howMany) {
                    best.poll();
                }
            }
        }
        List<int[]> pairs = new ArrayList<>();
        double maxSimilarity = 0;
        for (double[] p : best) {
            int i = (int) p[0];
            int j = (int) p[1];
            pairs.add(new int[] {i, j});
            maxSimilarity = Math.max(maxSimilarity, MinHash.similarity(
                    MinHash.signature(FingerprintText.of(papers.get(i).summary())),
                    MinHash.signature(FingerprintText.of(papers.get(j).summary()))));
        }
        return new Pairs(pairs, maxSimilarity);
    }
}
