package io.paperfeed.streams.categories;

import io.paperfeed.model.serde.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the category model on the training days of {@link ShippedSlice} and reports, on the
 * held-out days, how often the top predicted category is one of the paper's real categories.
 * Evaluates the model as shipped (written to the model file format and read back).
 *
 * <pre>
 * CategoryEvaluation [DATA_DIR] [--write-model FILE] [--write-held-out FILE] [--sweep]
 * </pre>
 * {@code --sweep} chooses liblinear's C and the minimum document frequency on the training days alone
 * (train 04-01..15, validate on the papers of 04-16..20 not seen before).
 */
public final class CategoryEvaluation {

    private CategoryEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path data = a.isEmpty() || a.get(0).startsWith("--") ? ShippedSlice.sharedData().orElseThrow(
                () -> new IllegalStateException("no ../shared/data/arxiv-daily; pass the folder")) : Path.of(a.get(0));
        if (a.contains("--sweep")) {
            sweep(data);
        }
        List<LabelledPaper> training = ShippedSlice.training(data);
        List<LabelledPaper> test = ShippedSlice.heldOut(data);
        CategoryTrainer trainer = new CategoryTrainer(CategoryTrainer.Options.defaults());
        long start = System.nanoTime();
        CategoryModel trained = trainer.train(training, ShippedSlice.notes(training));
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelFile.write(trained, file);
        start = System.nanoTime();
        CategoryModel model = ModelFile.read(new ByteArrayInputStream(file.toByteArray()));
        long loadMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(Locale.ROOT, "training papers: %d (%s to %s, distinct ids)%n", training.size(),
                ShippedSlice.TRAIN_FIRST, ShippedSlice.TRAIN_LAST);
        System.out.printf(Locale.ROOT, "test papers: %d (%s to %s, distinct ids, none in training)%n", test.size(),
                ShippedSlice.TEST_FIRST, ShippedSlice.TEST_LAST);
        System.out.printf(Locale.ROOT, "categories predicted: %d %s%n", model.categories().size(),
                frequencies(model.categories(), training));
        System.out.printf(Locale.ROOT, "training time: %d ms (analysis, TF-IDF and %d logistic regressions)%n",
                trainMs, model.categories().size());
        long nonZero = nonZeroWeights(model);
        System.out.printf(Locale.ROOT, "model file: %d bytes gzip, %d words, %d non-zero weights; read in %d ms%n",
                file.size(), model.vocabulary().size(), nonZero, loadMs);
        System.out.printf(Locale.ROOT, "baseline (always %s): top-1 %.4f%n", model.categories().get(0),
                test.stream().filter(p -> p.categories().contains(model.categories().get(0))).count()
                        / (double) test.size());
        HitRates.of(new CategoryPredictor(model), test).lines().forEach(System.out::println);

        for (int i = 0; i < a.size() - 1; i++) {
            if (a.get(i).equals("--write-model")) {
                Files.write(Path.of(a.get(i + 1)), file.toByteArray());
            } else if (a.get(i).equals("--write-held-out")) {
                writeSlice(test.subList(0, ShippedSlice.HELD_OUT_PAPERS), Path.of(a.get(i + 1)));
            }
        }
    }

    private static void sweep(Path data) throws Exception {
        List<LabelledPaper> train = ArxivDailyDays.read(data, "2025-04-01", "2025-04-15");
        List<LabelledPaper> validate = ArxivDailyDays.without(
                ArxivDailyDays.read(data, "2025-04-16", ShippedSlice.TRAIN_LAST), train);
        for (double c : new double[] {1, 2, 4, 8, 16, 32}) {
            for (int minDf : new int[] {2, 3, 5}) {
                CategoryTrainer.Options d = CategoryTrainer.Options.defaults();
                var options = new CategoryTrainer.Options(d.minPapersPerCategory(), minDf, c, d.pruneBelow());
                CategoryModel model = new CategoryTrainer(options).train(train, List.of());
                HitRates r = HitRates.of(new CategoryPredictor(model), validate);
                System.out.printf(Locale.ROOT, "sweep C=%-4s min-df=%d: train %d, validate %d: top-1 %.4f, top-3 %.4f,"
                        + " emitted %.2f/paper, %.4f correct, %d non-zero weights%n", c, minDf, train.size(),
                        validate.size(), r.top1Rate(), r.top3Rate(), r.emitted() / (double) r.papers(),
                        r.emittedCorrect() / (double) Math.max(1, r.emitted()), nonZeroWeights(model));
            }
        }
    }

    private static Map<String, Long> frequencies(List<String> categories, List<LabelledPaper> papers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c, papers.stream().filter(p -> p.categories().contains(c)).count()));
        return counts;
    }

    private static long nonZeroWeights(CategoryModel model) {
        long n = 0;
        for (int t = 0; t < model.vocabulary().size(); t++) {
            for (int c = 0; c < model.categories().size(); c++) {
                n += model.weight(t, c) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** id, title, categories and summary of each paper, as arXiv-daily JSON lines. */
    private static void writeSlice(List<LabelledPaper> papers, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file);
             Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            for (LabelledPaper p : papers) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", p.id());
                line.put("title", p.title());
                line.put("categories", p.categories());
                line.put("summary", p.abstractText());
                w.write(Json.MAPPER.writeValueAsString(line) + "\n");
            }
        }
    }
}
