package io.paperfeed.streams.categories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The documented slice of ../shared/data/arxiv-daily the shipped model is trained on, and the days
 * held out from it. Training: the distinct papers of 2025-04-01 to 2025-04-20. Held out: the
 * distinct papers of 2025-04-21 to 2025-04-30 whose id is not among the training papers.
 */
final class ShippedSlice {

    static final String TRAIN_FIRST = "2025-04-01";
    static final String TRAIN_LAST = "2025-04-20";
    static final String TEST_FIRST = "2025-04-21";
    static final String TEST_LAST = "2025-04-30";
    /** The committed held-out slice: the first papers of the held-out days, in file order. */
    static final String HELD_OUT_RESOURCE = "/categories/arxiv-daily-held-out-2025-04-21.jsonl.gz";
    static final int HELD_OUT_PAPERS = 300;

    private ShippedSlice() {
    }

    static List<LabelledPaper> training(Path data) throws IOException {
        return ArxivDailyDays.read(data, TRAIN_FIRST, TRAIN_LAST);
    }

    static List<LabelledPaper> heldOut(Path data) throws IOException {
        return ArxivDailyDays.without(ArxivDailyDays.read(data, TEST_FIRST, TEST_LAST), training(data));
    }

    static List<String> notes(List<LabelledPaper> training) {
        return List.of("trained on arXiv-daily " + TRAIN_FIRST + " to " + TRAIN_LAST + " (cs.CV, cs.CL, cs.AI "
                + "listings, new and cross-lists), " + training.size() + " distinct papers; title and abstract",
                "rebuild: CategoryEvaluation --write-model (streams test sources)");
    }

    /** ../shared/data/arxiv-daily seen from the repository root or from a module folder, if present. */
    static Optional<Path> sharedData() {
        return List.of(Path.of("../shared/data/arxiv-daily"), Path.of("../../shared/data/arxiv-daily")).stream()
                .filter(Files::isDirectory).findFirst();
    }
}
