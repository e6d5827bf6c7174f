package io.paperfeed.streams.dedup;

import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The dedup quality figures on N partitions ({@link SimulatedDedup}, random delivery order): arXiv-daily
 * lines against distinct arXiv ids, and the labelled near-duplicate set of {@link NearDuplicateEvaluation}
 * (originals without id or title, then an edited copy of each). Run {@link #main} with the partition count.
 */
final class PartitionedQuality {

    private PartitionedQuality() {
    }

    public static void main(String[] args) throws Exception {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/arxiv-daily");
        List<ArxivDailyCorpus.Paper> lines = ArxivDailyCorpus.lines(data);
        SimulatedDedup exact = new SimulatedDedup(partitions, 1);
        for (int i = 0; i < lines.size(); i++) {
            exact.submit(DedupFigures.sighting(lines.get(i), i));
        }
        exact.run();
        Set<String> ids = new HashSet<>();
        lines.forEach(p -> ids.add(p.id()));
        System.out.printf(Locale.ROOT, "%d partitions: dedup over %d lines: %d canonical papers for %d distinct arXiv ids%n",
                partitions, lines.size(), exact.latest().size(), ids.size());

        List<ArxivDailyCorpus.Paper> papers = ArxivDailyCorpus.distinct(lines);
        Random random = new Random(20250401L);
        SimulatedDedup near = new SimulatedDedup(partitions, 2);
        for (int i = 0; i < papers.size(); i++) {
            near.submit(bare(papers.get(i).summary(), "original", i));
        }
        near.run();
        Map<String, String> paperOfOriginal = new HashMap<>();
        Set<String> originalPapers = new HashSet<>();
        int falseMerges = 0;
        for (DedupDecision d : near.decisions) {
            paperOfOriginal.put(d.itemKey(), d.paperId());
            if (!originalPapers.add(d.paperId())) {
                falseMerges++;
            }
        }
        int before = near.decisions.size();
        for (int i = 0; i < papers.size(); i++) {
            String other = papers.get((i + 1 + random.nextInt(papers.size() - 1)) % papers.size()).summary();
            near.submit(bare(LightEdits.apply(papers.get(i).summary(), other, random), "copy", i));
        }
        near.run();
        int trueMerges = 0;
        int missed = 0;
        for (DedupDecision d : near.decisions.subList(before, near.decisions.size())) {
            int i = Integer.parseInt(d.itemKey().substring(d.itemKey().indexOf('#') + 1)) - 1;
            if (d.paperId().equals(paperOfOriginal.get("original#" + (i + 1)))) {
                trueMerges++;
            } else if (originalPapers.contains(d.paperId())) {
                falseMerges++;
                missed++;
            } else {
                missed++;
            }
        }
        System.out.printf(Locale.ROOT, "%d partitions: near-duplicate merging over %d papers + %d edited copies:"
                + " precision %.4f (%d true, %d false merges), recall %.4f (%d missed)%n", partitions, papers.size(),
                papers.size(), trueMerges / (double) Math.max(1, trueMerges + falseMerges), trueMerges, falseMerges,
                trueMerges / (double) (trueMerges + missed), missed);
    }

    private static PaperEvent bare(String abstractText, String source, int index) {
        return new PaperEvent(null, null, null, null, abstractText, List.of(), List.of(), null, null, null,
                new Provenance(source, "evaluation", index + 1, Instant.EPOCH));
    }
}
