package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.text.FingerprintText;
import io.paperfeed.streams.categories.CategoryPredictor;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.streams.dedup.DedupFigures;
import io.paperfeed.streams.dedup.LshBands;
import io.paperfeed.streams.dedup.MinHash;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * CPU cost per paper of the steps of the topology, without Kafka: where the time goes. The thread's own
 * CPU time, so other processes on the machine inflate it less than wall time. Run {@link #main}.
 */
final class StepCosts {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StepCosts() {
    }

    public static void main(String[] args) throws Exception {
        List<CanonicalPaper> papers = DedupFigures.papers(Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-daily"));
        CategoryPredictor predictor = CategoryPredictor.shipped();
        try (TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults())) {
            for (int round = 0; round < 4; round++) {
                System.out.printf(Locale.ROOT, "round %d over %d papers, CPU µs per paper: fingerprint %.0f, "
                        + "fingerprint+minhash+bands %.0f, json round trip %.0f, classify %.0f, predict categories %.0f%n",
                        round, papers.size(),
                        micros(papers, p -> FingerprintText.of(p.abstractText())),
                        micros(papers, p -> LshBands.keys(MinHash.signature(FingerprintText.of(p.abstractText())))),
                        micros(papers, p -> PaperSerdes.CANONICAL_PAPER.deserialize("t",
                                PaperSerdes.CANONICAL_PAPER.serialize("t", p))),
                        micros(papers, classifier::classify),
                        micros(papers, predictor::predict));
            }
        }
    }

    private static double micros(List<CanonicalPaper> papers, Consumer<CanonicalPaper> step) {
        long start = THREADS.getCurrentThreadCpuTime();
        papers.forEach(step);
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / papers.size();
    }
}
