package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelled near-duplicate set on a 300-line slice of arXiv-daily (one day's listing). */
class NearDuplicateQualityTest {

    @Test
    void editedCopiesMergeIntoTheirOriginalAndDifferentPapersNeverMerge(@TempDir Path state) throws IOException {
        List<ArxivDailyCorpus.Paper> papers;
        try (InputStream in = getClass().getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")) {
            papers = ArxivDailyCorpus.distinct(ArxivDailyCorpus.read(in));
        }
        assertEquals(295, papers.size());

        NearDuplicateEvaluation.Result result = NearDuplicateEvaluation.evaluate(papers, 42L, state);

        System.out.println(result.line());
        assertEquals(0, result.falseMerges(), result.line());
        assertEquals(0, result.hardNegativesMerged(), result.line());
        assertTrue(result.recall() >= 0.98, result.line());
    }

    @Test
    void arxivDailyLinesBecomeExactlyOneCanonicalPaperPerArxivId(@TempDir Path state) throws IOException {
        List<ArxivDailyCorpus.Paper> lines;
        try (InputStream in = getClass().getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")) {
            lines = ArxivDailyCorpus.read(in);
        }
        DedupFigures.Figures figures = DedupFigures.measure(lines, state);

        assertEquals(300, figures.lines());
        assertEquals(295, figures.distinctIds());
        assertEquals(figures.distinctIds(), figures.canonicalPapers(), figures.line());
    }
}
