package io.paperfeed.app.evaluate;

import io.paperfeed.app.cli.UserError;
import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.streams.meaning.EmbeddingCategories;
import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed evaluate}: the evaluation of paperfeed's meaning features on real arXiv papers
 * (docs/MEANING.md quotes its output): like-profiles and feedback against TF-IDF + linear SVM and
 * Lucene MoreLikeThis, the default threshold, categories over embeddings, topics by meaning.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate like-subscriptions, feedback, categories and topics by meaning on real arXiv papers",
                "(../shared/data/arxiv-daily: train on 2025-04-01..20, test on 2025-04-21..30)."})
public final class EvaluateCommand implements Callable<Integer> {

    static final Path SHARED_ARXIV_DAILY = Path.of("..", "shared", "data", "arxiv-daily");
    static final String LAST_TRAINING_DAY = "2025-04-20";
    /** The size and seed of the background sample shipped with the subscriptions module. */
    static final int BACKGROUND = 1000;
    static final long BACKGROUND_SEED = 5;

    @Option(names = "--data", paramLabel = "DIR", description = "The arXiv-daily folder (default ../shared/data/arxiv-daily).")
    Path data;

    @Option(names = "--cache", paramLabel = "FILE", description = "Keep the papers' embeddings in this file between runs.")
    Path cache;

    @Option(names = "--draws", defaultValue = "5", description = "Profiles drawn per field (default 5).")
    int drawsPerField;

    @Option(names = "--only", paramLabel = "TEXT", description = "Only the rankers whose name contains TEXT.")
    String only;

    @Option(names = "--threads", defaultValue = "2", description = "Threads that embed the papers (default 2).")
    int threads;

    @Option(names = "--write-background", paramLabel = "FILE",
            description = "Write the profile background (a fixed sample of the training papers) to FILE.")
    Path writeBackground;

    @Option(names = "--write-category-model", paramLabel = "FILE",
            description = "Write the category model over embeddings (trained on the training days) to FILE.")
    Path writeCategoryModel;

    @Override
    public Integer call() throws Exception {
        Path folder = data != null ? data : SHARED_ARXIV_DAILY;
        if (!Files.isDirectory(folder)) {
            throw new UserError("no arXiv-daily folder at " + folder + " (run from the repository root, or pass --data)");
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        List<EvalPaper> papers = EvalCorpus.load(folder, MiniLmEmbedder.shared(), cache, threads);
        List<EvalPaper> training = papers.stream().filter(p -> p.day().compareTo(LAST_TRAINING_DAY) <= 0).toList();
        List<EvalPaper> test = papers.stream().filter(p -> p.day().compareTo(LAST_TRAINING_DAY) > 0).toList();
        out.printf(Locale.ROOT, "paperfeed evaluate: %d distinct papers of %s (%d training, 2025-04-01..20; %d test, "
                + "2025-04-21..30), embedded in %.0f s%n", papers.size(), folder, training.size(), test.size(),
                (System.nanoTime() - start) / 1e9);
        List<EvalPaper> sample = sample(training, BACKGROUND, BACKGROUND_SEED);
        Background background = new Background(MiniLmEmbedder.MODEL_ID, sample.stream().map(p ->
                PaperEmbedding.of(MiniLmEmbedder.MODEL_ID, p.vector()).values()).toList());
        if (writeBackground != null) {
            try (OutputStream file = Files.newOutputStream(writeBackground)) {
                Background.write(MiniLmEmbedder.MODEL_ID, sample.stream()
                        .map(p -> PaperEmbedding.of(MiniLmEmbedder.MODEL_ID, p.vector())).toList(), file);
            }
            out.printf("wrote the background (%d papers) to %s%n", sample.size(), writeBackground);
        }
        Set<String> backgroundIds = Set.copyOf(sample.stream().map(EvalPaper::id).toList());
        EmbeddingCategories categories = CategoryDriftEvaluation.train(training);
        if (writeCategoryModel != null) {
            try (OutputStream file = Files.newOutputStream(writeCategoryModel)) {
                categories.write(file);
            }
            out.printf("wrote the category model (%d categories) to %s%n", categories.categories().size(),
                    writeCategoryModel);
        }
        CategoryDriftEvaluation.report(out, categories, test, MiniLmEmbedder.shared());
        TopicMeaningEvaluation.report(out, training, test, io.paperfeed.subscriptions.taxonomy.Taxonomy.defaults(),
                MiniLmEmbedder.shared());
        if (only != null && only.equals("categories")) {
            return 0;
        }
        likeProfiles(out, training, test, background);
        ThresholdEvaluation thresholds = new ThresholdEvaluation(background, backgroundIds, ProfileSettings.defaults());
        double share = thresholds.calibrate(out, training, drawsPerField, 29);
        thresholds.report(out, training, test, share, drawsPerField, 17);
        return 0;
    }

    static List<EvalPaper> sample(List<EvalPaper> papers, int n, long seed) {
        List<EvalPaper> copy = new ArrayList<>(papers);
        Collections.shuffle(copy, new Random(seed));
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }

    private void likeProfiles(PrintStream out, List<EvalPaper> training, List<EvalPaper> test, Background background) {
        LikeEvaluation eval = new LikeEvaluation(training, test, drawsPerField, 17);
        out.printf(Locale.ROOT, "%nlike-profiles: %d profiles of %d papers (fields %s, %d draws each), ranking the %d test "
                + "papers; relevant = listed in the field%n", eval.draws().size(), LikeEvaluation.LIKED,
                String.join(" ", LikeEvaluation.FIELDS), drawsPerField, test.size());
        List<Ranker> rankers = List.of(
                new ProfileRanker("paperfeed profile (embeddings, linear)", background, ProfileSettings.defaults()),
                new ExperimentRankers.Centroid(),
                new TfIdfSvmRanker(training),
                new MoreLikeThisRanker(training, test));
        for (int ratings : List.of(0, 10, 20, 40)) {
            out.printf(Locale.ROOT, "after %d ratings:%n", ratings);
            for (Ranker r : rankers) {
                if (only == null || r.name().contains(only)) {
                    LikeEvaluation.print(out, r.name(), eval.evaluate(r, ratings));
                }
            }
        }
    }
}
