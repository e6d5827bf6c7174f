package io.paperfeed.app.evaluate;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * arxiv-sanity's method: TF-IDF of word unigrams and bigrams (English stop words removed, sublinear tf,
 * smooth idf, l2 norm, min df 5, max df 10 %, the 20,000 most frequent terms), then a linear SVM per
 * reader (squared hinge, C = 0.01, balanced class weights) with the liked and positively rated papers
 * as positives and every other paper of the corpus as negatives; candidates ranked by its decision value.
 */
final class TfIdfSvmRanker implements Ranker {

    private static final Analyzer ANALYZER = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    private final List<EvalPaper> corpus;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[] idf;
    private final Map<String, Feature[]> vectors = new HashMap<>();

    /** @param corpus the papers the vocabulary is fit on and the negatives are drawn from (the training days) */
    TfIdfSvmRanker(List<EvalPaper> corpus) {
        this.corpus = corpus;
        Map<String, Integer> df = new HashMap<>();
        for (EvalPaper p : corpus) {
            for (String t : new HashSet<>(terms(p))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int maxDf = (int) (0.1 * corpus.size());
        List<Map.Entry<String, Integer>> kept = new ArrayList<>(df.entrySet().stream()
                .filter(e -> e.getValue() >= 5 && e.getValue() <= maxDf).toList());
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        kept = kept.subList(0, Math.min(20_000, kept.size()));
        idf = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            index.put(kept.get(i).getKey(), i);
            idf[i] = Math.log((1.0 + corpus.size()) / (1.0 + kept.get(i).getValue())) + 1.0;
        }
    }

    @Override
    public String name() {
        return "tf-idf + linear SVM (arxiv-sanity)";
    }

    @Override
    public double[] scores(List<EvalPaper> liked, List<Rated> ratings, List<EvalPaper> candidates) {
        Set<String> positives = new HashSet<>();
        liked.forEach(p -> positives.add(p.id()));
        ratings.stream().filter(Rated::positive).forEach(r -> positives.add(r.paper().id()));
        List<EvalPaper> training = new ArrayList<>(corpus);
        Set<String> inCorpus = new HashSet<>(corpus.stream().map(EvalPaper::id).toList());
        liked.stream().filter(p -> !inCorpus.contains(p.id())).forEach(training::add);
        ratings.stream().map(Rated::paper).filter(p -> !inCorpus.contains(p.id())).forEach(training::add);
        Problem problem = new Problem();
        problem.l = training.size();
        problem.n = idf.length;
        problem.bias = -1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        int pos = 0;
        for (int i = 0; i < training.size(); i++) {
            problem.x[i] = vector(training.get(i));
            problem.y[i] = positives.contains(training.get(i).id()) ? 1 : 0;
            pos += (int) problem.y[i];
        }
        Linear.disableDebugOutput();
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, 0.01, 1e-6, 10_000, 0.1);
        double n = training.size();
        parameter.setWeights(new double[] {n / (2.0 * pos), n / (2.0 * (n - pos))}, new int[] {1, 0});
        Model model = Linear.train(problem, parameter);
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] scores = new double[candidates.size()];
        double[] decision = new double[1];
        for (int i = 0; i < scores.length; i++) {
            Linear.predictValues(model, vector(candidates.get(i)), decision);
            scores[i] = sign * decision[0];
        }
        return scores;
    }

    private Feature[] vector(EvalPaper p) {
        return vectors.computeIfAbsent(p.id(), id -> {
            Map<Integer, Integer> tf = new TreeMap<>();
            for (String t : terms(p)) {
                Integer i = index.get(t);
                if (i != null) {
                    tf.merge(i, 1, Integer::sum);
                }
            }
            double norm = 0;
            double[] w = new double[tf.size()];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                w[k] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
                norm += w[k] * w[k++];
            }
            norm = Math.sqrt(norm);
            Feature[] f = new Feature[tf.size()];
            k = 0;
            for (Integer i : tf.keySet()) {
                f[k] = new FeatureNode(i + 1, norm == 0 ? 0 : w[k] / norm);
                k++;
            }
            return f;
        });
    }

    /** Words (and adjacent word pairs) of the title and abstract, lowercased, English stop words removed. */
    static List<String> terms(EvalPaper p) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", p.title() + " " + p.abstractText())) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (Character.isLetter(w.charAt(0)) && w.length() > 1) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> terms = new ArrayList<>(words);
        for (int i = 1; i < words.size(); i++) {
            terms.add(words.get(i - 1) + " " + words.get(i));
        }
        return terms;
    }
}
