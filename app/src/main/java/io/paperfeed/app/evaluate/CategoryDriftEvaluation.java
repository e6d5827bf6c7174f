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
 * 2025-04-01..20, on the held-out days 2025-04-21..30 and on the newest real arXiv papers with categories
 * there are here (the arXiv RSS announcement of 2025-08-20 and the arXiv API response among the test
 * fixtures, papers up to 2025-03). Right = the top prediction is one of the paper's real categories.
 */
final class CategoryDriftEvaluation {

    static final List<Path> NEWER = List.of(
            Path.of("producer/src/test/resources/fixtures/arxiv-rss-cs.AI-2025-08-20.atom.xml"),
            Path.of("producer/src/test/resources/fixtures/arxiv-api-query-testing.atom.xml"));
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

    private static void line(PrintStream out, String name, List<EvalPaper> papers, CategoryPredictor tfidf,
                             EmbeddingCategories model) {
        int tf = 0;
        int emb = 0;
        for (EvalPaper p : papers) {
            List<PredictedCategory> a = tfidf.predict(p.title(), p.abstractText());
            tf += !a.isEmpty() && p.categories().contains(a.get(0).category()) ? 1 : 0;
            List<PredictedCategory> b = model.predict(quantized(p.vector()));
            emb += p.categories().contains(b.get(0).category()) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "  %-38s %5d papers   TF-IDF %.1f %%   embeddings %.1f %%%n", name, papers.size(),
                100.0 * tf / papers.size(), 100.0 * emb / papers.size());
    }

    /** As the stream carries it: quantized to a byte a dimension. */
    static float[] quantized(float[] v) {
        return PaperEmbedding.of("m", v).values();
    }
}
