package io.paperfeed.streams.meaning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.paperfeed.model.PredictedCategory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * arXiv categories predicted from a paper's embedding: one liblinear logistic regression per category
 * (L2-regularised, a bias feature) over the 384 dimensions, trained on the distinct papers of arXiv-daily
 * 2025-04-01..20 ({@code paperfeed evaluate --write-category-model}) and shipped as a 25 kB file. Up to
 * {@link #MAX_PREDICTIONS} categories with a probability of at least {@link #CONFIDENCE_FLOOR}, best first;
 * always the best one. Replaces the TF-IDF prediction for embedded papers: meaning moves less than vocabulary
 * (docs/MEANING.md).
 */
public final class EmbeddingCategories {

    static final String RESOURCE = "embedding-categories-all-minilm-l6-v2-q.bin.gz";
    public static final double CONFIDENCE_FLOOR = 0.15;
    public static final int MAX_PREDICTIONS = 3;

    private static final class Holder {
        static final EmbeddingCategories SHIPPED = load();
    }

    /** One training paper: its embedding and its real categories. */
    public record Labelled(float[] vector, List<String> categories) {
    }

    private final String model;
    private final List<String> categories;
    private final float[][] weights;
    private final double[] biases;

    EmbeddingCategories(String model, List<String> categories, float[][] weights, double[] biases) {
        this.model = model;
        this.categories = List.copyOf(categories);
        this.weights = weights;
        this.biases = biases;
    }

    public static EmbeddingCategories shipped() {
        return Holder.SHIPPED;
    }

    /** Trains one model per category ({@code c}: liblinear's cost). */
    public static EmbeddingCategories train(String model, List<Labelled> papers, List<String> categories, double c) {
        Linear.disableDebugOutput();
        int dims = papers.get(0).vector().length;
        Feature[][] x = new Feature[papers.size()][];
        for (int i = 0; i < x.length; i++) {
            float[] v = papers.get(i).vector();
            x[i] = new Feature[dims + 1];
            for (int d = 0; d < dims; d++) {
                x[i][d] = new FeatureNode(d + 1, v[d]);
            }
            x[i][dims] = new FeatureNode(dims + 1, 1.0);
        }
        float[][] weights = new float[categories.size()][dims];
        double[] biases = new double[categories.size()];
        for (int k = 0; k < categories.size(); k++) {
            Problem problem = new Problem();
            problem.l = papers.size();
            problem.n = dims + 1;
            problem.bias = 1;
            problem.x = x;
            problem.y = new double[papers.size()];
            for (int i = 0; i < papers.size(); i++) {
                problem.y[i] = papers.get(i).categories().contains(categories.get(k)) ? 1 : 0;
            }
            Model m = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 0.001));
            double sign = m.getLabels()[0] == 1 ? 1 : -1;
            double[] w = m.getFeatureWeights();
            for (int d = 0; d < dims; d++) {
                weights[k][d] = (float) (sign * w[d]);
            }
            biases[k] = sign * w[dims];
        }
        return new EmbeddingCategories(model, categories, weights, biases);
    }

    /** The predicted categories of an embedding (of this model), best first. */
    public List<PredictedCategory> predict(float[] vector) {
        List<PredictedCategory> all = new ArrayList<>(categories.size());
        for (int k = 0; k < categories.size(); k++) {
            double z = biases[k];
            for (int d = 0; d < vector.length; d++) {
                z += weights[k][d] * vector[d];
            }
            double p = 1.0 / (1.0 + Math.exp(-z));
            all.add(new PredictedCategory(categories.get(k), Math.round(p * 1000) / 1000.0));
        }
        all.sort(Comparator.comparingDouble(PredictedCategory::confidence).reversed());
        List<PredictedCategory> kept = new ArrayList<>();
        for (PredictedCategory pc : all) {
            if (kept.isEmpty() || (pc.confidence() >= CONFIDENCE_FLOOR && kept.size() < MAX_PREDICTIONS)) {
                kept.add(pc);
            }
        }
        return kept;
    }

    public String model() {
        return model;
    }

    public List<String> categories() {
        return categories;
    }

    public void write(OutputStream file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(file))) {
            out.writeUTF(model);
            out.writeInt(categories.size());
            out.writeInt(weights[0].length);
            for (int k = 0; k < categories.size(); k++) {
                out.writeUTF(categories.get(k));
                out.writeDouble(biases[k]);
                for (float w : weights[k]) {
                    out.writeFloat(w);
                }
            }
        }
    }

    public static EmbeddingCategories read(InputStream file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            String model = in.readUTF();
            int n = in.readInt();
            int dims = in.readInt();
            List<String> categories = new ArrayList<>(n);
            float[][] weights = new float[n][dims];
            double[] biases = new double[n];
            for (int k = 0; k < n; k++) {
                categories.add(in.readUTF());
                biases[k] = in.readDouble();
                for (int d = 0; d < dims; d++) {
                    weights[k][d] = in.readFloat();
                }
            }
            return new EmbeddingCategories(model, categories, weights, biases);
        }
    }

    private static EmbeddingCategories load() {
        try (InputStream in = EmbeddingCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedding category model " + RESOURCE + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
