package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parses the real seed files of the repository (seeds/ beside the modules). */
class SeedFilesTest {

    static final Path SEEDS = Path.of("..", "seeds");
    static final Instant FETCHED = Instant.parse("2025-08-30T06:00:00Z");

    static Path seed(String prefix) throws Exception {
        try (var files = Files.list(SEEDS)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static ParseResult parse(String prefix) throws Exception {
        return new FeedReader().read(seed(prefix), FETCHED);
    }

    @ParameterizedTest
    @CsvSource({
        "000_, arxiv-listing-abstracts, 10",
        "001_, arxiv-author-listing, 10",
        "002_, aggregator-author-page, 6",
        "003_, hf-daily-papers, 88",
    })
    void everySeedItemIsAPaperOfTheDetectedFormat(String prefix, String format, int count) throws Exception {
        Path file = seed(prefix);
        ParseResult r = new FeedReader().read(file, FETCHED);
        assertEquals(format, r.format());
        assertEquals(file.toString(), r.source());
        assertEquals(count, r.papers().size(), () -> "papers of " + file);
        assertEquals(List.of(), r.invalid());
        for (PaperEvent p : r.papers()) {
            assertEquals(format, p.source().format());
            assertEquals(file.toString(), p.source().source());
            assertEquals(FETCHED, p.source().fetchedAt());
            assertEquals(p.abstractText().strip(), p.abstractText());
            assertFalse(p.abstractText().contains("  "), "whitespace collapsed");
            assertFalse(p.abstractText().contains("\n"));
        }
        // detection is unambiguous: no other format claims the file
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(List.of(format), FormatDetector.allMatching(FeedText.of(text)));
    }

    @Test
    void listingAbstractsCarryOnlyTheAbstract() throws Exception {
        List<PaperEvent> papers = parse("000_").papers();
        assertEquals(List.of(1, 2, 3, 4, 9, 10, 11, 16, 21, 26),
                papers.stream().map(p -> p.source().position()).toList());
        for (PaperEvent p : papers) {
            assertNull(p.title());
            assertNull(p.arxivId());
            assertNull(p.published());
            assertTrue(p.authors().isEmpty());
            assertFalse(p.abstractText().startsWith("Abstract:"));
        }
        PaperEvent first = papers.get(0);
        assertTrue(first.abstractText().startsWith("The capabilities of large language models (LLMs)"), first.abstractText());
        assertTrue(first.abstractText().endsWith("Extensive experiments validate TANDEM's effectiveness in all scenarios."));
        // LaTeX and non-ASCII kept as given
        assertTrue(papers.get(1).abstractText().contains("($ρ{=}{+}0.71$)"));
        assertTrue(papers.get(9).abstractText().contains("\"\\textbf{Hourglass}\" phenomenon"));
    }

    @Test
    void authorListingSeparatesHeaderAbstractCommentAndDates() throws Exception {
        List<PaperEvent> papers = parse("001_").papers();
        assertEquals(List.of("2507.20534", "2507.06558", "2507.02690", "2410.23659", "2410.08568",
                        "2409.17539", "2407.21488", "2402.05130", "2305.09272", "2201.10980"),
                papers.stream().map(PaperEvent::arxivId).toList());
        assertEquals(List.of(1, 11, 16, 23, 28, 35, 42, 47, 52, 57),
                papers.stream().map(p -> p.source().position()).toList());

        PaperEvent kimi = papers.get(0);
        assertEquals("Kimi K2: Open Agentic Intelligence", kimi.title());
        assertEquals(168, kimi.authors().size());
        assertEquals("Yifan Kimi Team", kimi.authors().get(0));
        assertEquals("T. Y. Liu", kimi.authors().get(63));
        assertEquals("Xinxing Zhuang", kimi.authors().get(167));
        assertTrue(kimi.abstractText().startsWith("We introduce Kimi K2, a Mixture-of-Experts"));
        assertEquals("tech report of Kimi K2", kimi.comment());
        assertEquals("2025-07-28", kimi.published());
        assertEquals("2025-07-29", kimi.updated());
        assertNull(kimi.version());

        PaperEvent lora = papers.get(1);
        assertNull(lora.title());
        assertTrue(lora.authors().isEmpty());
        assertNull(lora.comment());
        assertTrue(lora.abstractText().startsWith("Low-Rank Adaptation (LoRA)"));
        assertEquals("2025-07-09", lora.published());

        PaperEvent rlhgnn = papers.get(2);
        assertNull(rlhgnn.title());
        assertEquals("15 pages, 7 figures. Business process prediction using reinforcement learning and "
                + "heterogeneous graph neural networks", rlhgnn.comment());
        assertTrue(rlhgnn.abstractText().startsWith("Next activity prediction"));
        assertTrue(rlhgnn.abstractText().endsWith("https://github.com/Joker3993/RLHGNN."));
        assertEquals("2025-07-03", rlhgnn.published());
        assertEquals("2025-07-04", rlhgnn.updated());

        PaperEvent photonic = papers.get(3);
        assertNull(photonic.comment());
        assertEquals("2024-10-31", photonic.published());
        assertNull(photonic.updated(), "no Updated: in the entry");

        assertEquals("16 pages, 6 figures", papers.get(4).comment());
        assertEquals("20 pages", papers.get(5).comment());
        assertNull(papers.get(6).comment());
        PaperEvent velf = papers.get(9);
        assertEquals("In Proceedings of the Web Conference 2022 (WWW 2022), April 25-29, 2022, Lyon, France. 9 pages",
                velf.comment());
        assertTrue(velf.abstractText().startsWith("We propose a general Variational Embedding Learning Framework"));
        assertEquals("2022-01-17", velf.published());
        for (PaperEvent p : papers.subList(1, papers.size())) {
            assertNull(p.title(), p.arxivId());
        }
    }

    @Test
    void aggregatorPageTakesTitlesAndKeepsSourceLineOutOfTheAbstract() throws Exception {
        List<PaperEvent> papers = parse("002_").papers();
        assertEquals(List.of(
                        "Muon is Scalable for LLM Training",
                        "MoBA: Mixture of Block Attention for Long-Context LLMs",
                        "Kimi k1.5: Scaling Reinforcement Learning with LLMs",
                        "Age-Based Device Selection and Transmit Power Optimization in Over-the-Air Federated Learning",
                        "TransFusion: Covariate-Shift Robust Transfer Learning for High-Dimensional Regression",
                        "AdaTrans: Feature-wise and Sample-wise Adaptive Transfer Learning for High-dimensional Regression"),
                papers.stream().map(PaperEvent::title).toList());
        assertEquals(List.of(8, 15, 22, 29, 36, 43), papers.stream().map(p -> p.source().position()).toList());
        assertEquals(List.of("arXiv.org Artificial Intelligence"), papers.get(0).categories());
        assertEquals(List.of("arXiv.org Machine Learning"), papers.get(5).categories());
        for (PaperEvent p : papers) {
            assertFalse(p.abstractText().contains("arXiv.org"), p.abstractText());
            assertTrue(p.authors().isEmpty(), "the page header's collaborator is no author of the paper");
            assertNull(p.arxivId());
            assertNull(p.published());
        }
        assertTrue(papers.get(0).abstractText().startsWith("Recently, the Muon optimizer based on matrix orthogonalization"));
        assertTrue(papers.get(5).abstractText().endsWith("validated using both synthetic and real data."));
    }

    @Test
    void dailyPapersKeepTheYearlessDate() throws Exception {
        List<PaperEvent> papers = parse("003_").papers();
        PaperEvent first = papers.get(0);
        assertEquals("kMaX-DeepLab: k-means Mask Transformer", first.title());
        assertEquals("Aug 29", first.published());
        assertEquals(13, first.source().position());
        assertTrue(first.abstractText().startsWith("The rise of transformers in vision tasks"));
        assertTrue(first.abstractText().endsWith("https://github.com/bytedance/kmax-deeplab"));
        PaperEvent last = papers.get(87);
        assertEquals("TPLA: Tensor Parallel Latent Attention for Efficient Disaggregated Prefill \\& Decode Inference",
                last.title());
        assertEquals(361, last.source().position());
        assertTrue(last.abstractText().startsWith("Multi-Head Latent Attention (MLA), introduced in DeepSeek-V2"));
        for (PaperEvent p : papers) {
            assertEquals("Aug 29", p.published());
            assertNull(p.arxivId());
            assertNull(p.updated());
            assertTrue(p.title().length() < 200, p.title());
            assertTrue(p.abstractText().length() > 1000, p.title());
        }
        assertEquals(88, papers.stream().map(PaperEvent::title).distinct().count());
    }
}
