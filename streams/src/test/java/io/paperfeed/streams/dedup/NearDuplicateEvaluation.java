package io.paperfeed.streams.dedup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Near-duplicate quality on a labelled set built from arXiv-daily: every distinct paper is sent
 * with its id and title removed (so only its text can recognise it), then an edited copy of each
 * (whitespace, line breaks, LaTeX, hyphenation, one sentence replaced) also without id or title.
 * A copy merged into its original is a true merge; any merge of two different papers (all originals
 * are different papers, the pairs with the highest word overlap among them the hard negatives) is a
 * false one. Run {@link #main} on the whole of ../shared/data/arxiv-daily.
 */
final class NearDuplicateEvaluation {

    record Result(int papers, int trueMerges, int falseMerges, int missedMerges, int hardNegatives,
                  int hardNegativesMerged, double hardNegativeMaxSimilarity) {

        double precision() {
            return trueMerges + falseMerges == 0 ? 1.0 : trueMerges / (double) (trueMerges + falseMerges);
        }

        double recall() {
            return trueMerges / (double) (trueMerges + missedMerges);
        }

        String line() {
            return String.format(Locale.ROOT, "near-duplicate merging over %d papers + %d edited copies: precision %.4f"
                    + " (%d true, %d false merges), recall %.4f (%d missed); %d hardest negative pairs: %d merged,"
                    + " highest estimated similarity %.3f", papers, papers, precision(), trueMerges, falseMerges,
                    recall(), missedMerges, hardNegatives, hardNegativesMerged, hardNegativeMaxSimilarity);
        }
    }

    private NearDuplicateEvaluation() {
    }

    static Result evaluate(List<ArxivDailyCorpus.Paper> papers, long seed, Path stateDir) {
        Random random = new Random(seed);
        StreamsSettings settings = new StreamsSettings("unused:9092", "near-dup-eval", stateDir, 1, null);
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
        try (TopologyTestDriver driver = new TopologyTestDriver(PaperFeedTopology.build(settings, metrics),
                settings.toProperties())) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.PAPERS_RAW.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DedupDecision> decisions = driver.createOutputTopic(
                    Topics.DEDUP_DECISIONS.name(), new StringDeserializer(), PaperSerdes.DEDUP_DECISION.deserializer());

            Map<String, String> paperOfOriginal = new HashMap<>();
            for (int i = 0; i < papers.size(); i++) {
                send(raw, bare(papers.get(i).summary(), "original", i));
            }
            int falseMerges = 0;
            Set<String> originalPapers = new HashSet<>();
            for (DedupDecision d : decisions.readValuesToList()) {
                paperOfOriginal.put(d.itemKey(), d.paperId());
                if (!originalPapers.add(d.paperId())) {
                    falseMerges++;
                }
            }
            for (int i = 0; i < papers.size(); i++) {
                String other = papers.get((i + 1 + random.nextInt(papers.size() - 1)) % papers.size()).summary();
                send(raw, bare(LightEdits.apply(papers.get(i).summary(), other, random), "copy", i));
            }
            int trueMerges = 0;
            int missed = 0;
            for (DedupDecision d : decisions.readValuesToList()) {
                int i = Integer.parseInt(d.itemKey().substring(d.itemKey().indexOf('#') + 1)) - 1;
                String original = paperOfOriginal.get("original#" + (i + 1));
                if (d.paperId().equals(original)) {
                    trueMerges++;
                } else if (originalPapers.contains(d.paperId())) {
                    falseMerges++;
                    missed++;
                } else {
                    missed++;
                }
            }
            HardNegatives.Pairs negatives = HardNegatives.highestOverlap(papers, 500);
            int negativesMerged = 0;
            for (int[] pair : negatives.pairs()) {
                if (paperOfOriginal.get("original#" + (pair[0] + 1)).equals(paperOfOriginal.get("original#" + (pair[1] + 1)))) {
                    negativesMerged++;
                }
            }
            return new Result(papers.size(), trueMerges, falseMerges, missed, negatives.pairs().size(),
                    negativesMerged, negatives.maxEstimatedSimilarity());
        }
    }

    private static void send(TestInputTopic<String, byte[]> raw, PaperEvent e) {
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e));
    }

    private static PaperEvent bare(String abstractText, String source, int index) {
        return new PaperEvent(null, null, null, null, abstractText, List.of(), List.of(), null, null, null,
                new Provenance(source, "evaluation", index + 1, Instant.EPOCH));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-daily");
        List<ArxivDailyCorpus.Paper> papers = ArxivDailyCorpus.distinct(ArxivDailyCorpus.lines(data));
        Path state = Files.createTempDirectory("near-dup-eval");
        System.out.println(evaluate(papers, 20250401L, state).line());
    }
}
