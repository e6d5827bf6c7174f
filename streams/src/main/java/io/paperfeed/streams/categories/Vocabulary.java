package io.paperfeed.streams.categories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words the model knows, in alphabetical order, each with its smoothed inverse document
 * frequency {@code ln((N + 1) / (df + 1)) + 1} over the N training papers, rounded to four decimals
 * so that the model file holds exactly what training used. A paper's vector weighs each known word
 * {@code (1 + ln tf) * idf} and is scaled to unit length; unknown words are ignored.
 */
final class Vocabulary {

    private final String[] terms;
    private final double[] idf;
    private final Map<String, Integer> index;

    Vocabulary(List<String> terms, double[] idf) {
        if (terms.size() != idf.length) {
            throw new IllegalArgumentException(terms.size() + " terms but " + idf.length + " idf values");
        }
        this.terms = terms.toArray(String[]::new);
        this.idf = idf.clone();
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < this.terms.length; i++) {
            if (index.put(this.terms[i], i) != null) {
                throw new IllegalArgumentException("term " + this.terms[i] + " appears twice");
            }
        }
    }

    /** Every word found in at least {@code minDocumentFrequency} of the papers. */
    static Vocabulary fit(List<Map<String, Integer>> papers, int minDocumentFrequency) {
        Map<String, Integer> df = new TreeMap<>();
        papers.forEach(p -> p.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        List<String> kept = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        df.forEach((term, n) -> {
            if (n >= minDocumentFrequency) {
                kept.add(term);
                weights.add(round4(Math.log((papers.size() + 1.0) / (n + 1.0)) + 1.0));
            }
        });
        return new Vocabulary(kept, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    TfIdfVector vector(Map<String, Integer> counts) {
        int[] indices = new int[counts.size()];
        int n = 0;
        int known = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                indices[n++] = i;
                known += e.getValue();
            }
        }
        indices = Arrays.copyOf(indices, n);
        Arrays.sort(indices);
        double[] values = new double[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            values[k] = (1 + Math.log(counts.get(terms[indices[k]]))) * idf[indices[k]];
            norm += values[k] * values[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < n; k++) {
            values[k] /= norm;
        }
        return new TfIdfVector(indices, values, known);
    }

    int size() {
        return terms.length;
    }

    String term(int i) {
        return terms[i];
    }

    double idf(int i) {
        return idf[i];
    }

    static double round4(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
