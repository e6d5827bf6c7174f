package io.paperfeed.app.evaluate;

import io.paperfeed.embeddings.PaperText;
import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PredictedCategory;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.streams.categories.CategoryPredictor;
import io.paperfeed.streams.meaning.EmbeddingCategories;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Categories that survive drift: the shipped TF-IDF predictor against one over embeddings, both trained on
 * 2025-04-01..20, on the held-out days 2025-04-21..30, on the papers of two days of listings a year later
 * (evaluation/arxiv-daily-2026, April 2026) and on the newest real arXiv papers among the test fixtures
 * (the arXiv RSS announcement of 2025-08-20 and the arXiv API response). Right = the top prediction is
 * one of the paper's real categories.
 */
final class CategoryDriftEvaluation {

    static final List<Path> NEWER = List.of(
            Path.of("producer/src/test/resources/fixtures/arxiv-rss-cs.AI-2025-08-20.atom.xml"),
            Path.of("producer/src/test/resources/fixtures/arxiv-api-query-testing.atom.xml"));
    static final Path YEAR_LATER = Path.of("evaluation", "arxiv-daily-2026");
    /** The listings the training days are made of: a year later, the same listings are compared. */
    static final List<String> LISTINGS = List.of("cs.CV", "cs.CL", "cs.AI");
    static final int MIN_TRAINING_PAPERS = 30;

    private CategoryDriftEvaluation() {
    }

    static EmbeddingCategories train(List<EvalPaper> training) {
        Map<String, Integer> counts = new HashMap<>();
        training.forEach(p -> p.categories().forEach(c -> counts.merge(c, 1, Integer::sum)));
        List<String> categories = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_TRAINING_PAPERS)
                .filter(e -> e.getKey().matches("[a-z-]+\\.[A-Za-z-]+")).map(Map.Entry::getKey).sorted().toList();
        List<EmbeddingCategories.Labelled> labelled = training.stream()
                .map(p -> new EmbeddingCategories.Labelled(quantized(p.vector()), p.categories())).toList();
        return EmbeddingCategories.train(io.paperfeed.embeddings.MiniLmEmbedder.MODEL_ID, labelled, categories, 4.0);
    }

    static void report(PrintStream out, EmbeddingCategories model, List<EvalPaper> test, TextEmbedder embedder)
            throws Exception {
        CategoryPredictor tfidf = CategoryPredictor.shipped();
        out.printf(Locale.ROOT, "%ncategories (top prediction among the paper's real ones), trained on 2025-04-01..20:%n");
        line(out, "held-out days 2025-04-21..30", test, tfidf, model);
        if (Files.isDirectory(YEAR_LATER)) {
            List<EvalPaper> later = EvalCorpus.load(YEAR_LATER, embedder, null, 2).stream()
                    .filter(p -> p.id().startsWith("2603.") || p.id().startsWith("2604."))
                    .filter(p -> p.categories().stream().anyMatch(LISTINGS::contains)).toList();
            line(out, "a year later, 2026-04-21..22", later, tfidf, model);
            yearLaterCeiling(out, later, test);
        }
        List<EvalPaper> newer = new ArrayList<>();
        FeedReader reader = new FeedReader();
        for (Path file : NEWER) {
            if (Files.exists(file)) {
                for (PaperEvent e : reader.read(file, Instant.EPOCH).papers()) {
                    // only papers with a category both models know can be right at all
                    boolean known = e.categories().stream().anyMatch(c -> model.categories().contains(c)
                            && io.paperfeed.streams.categories.CategoryModel.shipped().categories().contains(c));
                    if (known) {
                        newer.add(new EvalPaper(e.arxivId(), "", e.title(), e.abstractText(), e.categories(),
                                embedder.embed(PaperText.of(e.title(), e.abstractText()))));
                    }
                }
            }
        }
        if (!newer.isEmpty()) {
            line(out, "newest real papers (2025-08-20 RSS, API)", newer, tfidf, model);
        }
        out.printf(Locale.ROOT, "  (embedding model: %d categories with >= %d training papers; TF-IDF model: the shipped one)%n",
                model.categories().size(), MIN_TRAINING_PAPERS);
    }

    /**
     * What a model could reach a year later at best: one trained on the first of the two days itself, scored
     * on the second; and how the share of papers filed under cs.AI first moved.
     */
    private static void yearLaterCeiling(PrintStream out, List<EvalPaper> later, List<EvalPaper> heldOut) {
        String firstDay = "2026-04-21";
        List<EvalPaper> first = later.stream().filter(p -> p.day().equals(firstDay)).toList();
        List<EvalPaper> second = later.stream().filter(p -> !p.day().equals(firstDay)).toList();
        if (first.isEmpty() || second.isEmpty()) {
            return;
        }
        EmbeddingCategories sameYear = train(first);
        out.printf(Locale.ROOT, "    (a model trained on %s itself, %d papers: %.1f %% on the %d papers of the next day;%n"
                + "     primary category cs.AI: %.1f %% of the held-out 2025 papers, %.1f %% a year later)%n", firstDay,
                first.size(), 100.0 * right(sameYear, second) / second.size(), second.size(),
                primaryShare(heldOut, "cs.AI"), primaryShare(later, "cs.AI"));
    }

    private static double primaryShare(List<EvalPaper> papers, String category) {
        return 100.0 * papers.stream().filter(p -> p.categories().get(0).equals(category)).count() / papers.size();
    }

    private static int right(EmbeddingCategories model, List<EvalPaper> papers) {
        int right = 0;
        for (EvalPaper p : papers) {
            right += p.categories().contains(model.predict(quantized(p.vector())).get(0).category()) ? 1 : 0;
        }
        return right;
    }

    private static void line(PrintStream out, String name, List<EvalPaper> papers, CategoryPredictor tfidf,
                             EmbeddingCategories model) {
        int tf = 0;
        for (EvalPaper p : papers) {
            List<PredictedCategory> a = tfidf.predict(p.title(), p.abstractText());
            tf += !a.isEmpty() && p.categories().contains(a.get(0).category()) ? 1 : 0;
        }
        int emb = right(model, papers);
        out.printf(Locale.ROOT, "  %-38s %5d papers   TF-IDF %.1f %%   embeddings %.1f %%%n", name, papers.size(),
                100.0 * tf / papers.size(), 100.0 * emb / papers.size());
    }

    /** As the stream carries it: quantized to a byte a dimension. */
    static float[] quantized(float[] v) {
        return PaperEmbedding.of("m", v).values();
    }
}
