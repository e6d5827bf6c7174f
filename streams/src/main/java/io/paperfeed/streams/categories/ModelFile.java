package io.paperfeed.streams.categories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: gzip-compressed UTF-8 text, tab-separated, readable with {@code zcat}.
 *
 * <pre>
 * # paperfeed arXiv category model, format 1
 * # (notes: training data, options)
 * categories  cs.CV  cs.CL  ...
 * bias        -2.1   -3.0   ...
 * term        idf    [category-index:weight ...]     one line per vocabulary term, weights pruned to non-zero
 * </pre>
 */
final class ModelFile {

    static final String HEADER = "# paperfeed arXiv category model, format 1";

    private ModelFile() {
    }

    static void write(CategoryModel model, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8);
        w.write(HEADER + "\n");
        for (String note : model.notes()) {
            w.write("# " + note + "\n");
        }
        w.write("categories\t" + String.join("\t", model.categories()) + "\n");
        w.write("bias");
        for (int c = 0; c < model.categories().size(); c++) {
            w.write("\t" + number(model.bias(c)));
        }
        w.write("\n");
        Vocabulary vocabulary = model.vocabulary();
        for (int t = 0; t < vocabulary.size(); t++) {
            StringBuilder line = new StringBuilder(vocabulary.term(t)).append('\t').append(number(vocabulary.idf(t)));
            for (int c = 0; c < model.categories().size(); c++) {
                if (model.weight(t, c) != 0) {
                    line.append('\t').append(c).append(':').append(number(model.weight(t, c)));
                }
            }
            w.write(line.append('\n').toString());
        }
        w.close();
    }

    static CategoryModel read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
        if (!HEADER.equals(r.readLine())) {
            throw new IOException("not a paperfeed arXiv category model (format 1)");
        }
        List<String> notes = new ArrayList<>();
        String line = r.readLine();
        while (line != null && line.startsWith("# ")) {
            notes.add(line.substring(2));
            line = r.readLine();
        }
        List<String> categories = fields(line, "categories");
        double[] bias = fields(r.readLine(), "bias").stream().mapToDouble(Double::parseDouble).toArray();
        List<String> terms = new ArrayList<>();
        List<Double> idf = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            String[] f = line.split("\t");
            terms.add(f[0]);
            idf.add(Double.parseDouble(f[1]));
            double[] w = new double[categories.size()];
            for (int i = 2; i < f.length; i++) {
                int colon = f[i].indexOf(':');
                w[Integer.parseInt(f[i].substring(0, colon))] = Double.parseDouble(f[i].substring(colon + 1));
            }
            weights.add(w);
        }
        Vocabulary vocabulary = new Vocabulary(terms, idf.stream().mapToDouble(Double::doubleValue).toArray());
        return new CategoryModel(categories, vocabulary, weights.toArray(double[][]::new), bias, notes);
    }

    private static List<String> fields(String line, String name) throws IOException {
        if (line == null || !line.startsWith(name + "\t")) {
            throw new IOException("model file: expected the " + name + " line");
        }
        List<String> f = Arrays.asList(line.split("\t"));
        return f.subList(1, f.size());
    }

    /** At most four decimals, no trailing zeros: what training rounded to, written back exactly. */
    static String number(double x) {
        String s = String.format(Locale.ROOT, "%.4f", x);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
