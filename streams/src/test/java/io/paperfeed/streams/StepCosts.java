package io.paperfeed.streams;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.text.FingerprintText;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.streams.dedup.DedupFigures;
import io.paperfeed.streams.dedup.LshBands;
import io.paperfeed.streams.dedup.MinHash;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** CPU cost per paper of the steps of the topology, without Kafka: where the time goes. Run {@link #main}. */
final class StepCosts {

    private StepCosts() {
    }

    public static void main(String[] args) throws Exception {
        List<CanonicalPaper> papers = DedupFigures.papers(Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-daily"));
        try (TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults())) {
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (CanonicalPaper p : papers) {
                    FingerprintText.of(p.abstractText());
                }
                long t1 = System.nanoTime();
                for (CanonicalPaper p : papers) {
                    LshBands.keys(MinHash.signature(FingerprintText.of(p.abstractText())));
                }
                long t2 = System.nanoTime();
                for (CanonicalPaper p : papers) {
                    PaperSerdes.CANONICAL_PAPER.deserialize("t", PaperSerdes.CANONICAL_PAPER.serialize("t", p));
                }
                long t3 = System.nanoTime();
                for (CanonicalPaper p : papers) {
                    classifier.classify(p);
                }
                long t4 = System.nanoTime();
                double n = papers.size();
                System.out.printf(Locale.ROOT, "round %d over %d papers, µs per paper: fingerprint %.0f, "
                        + "fingerprint+minhash+bands %.0f, json round trip %.0f, classify %.0f%n", round, papers.size(),
                        (t1 - t0) / n / 1e3, (t2 - t1) / n / 1e3, (t3 - t2) / n / 1e3, (t4 - t3) / n / 1e3);
            }
        }
    }
}
