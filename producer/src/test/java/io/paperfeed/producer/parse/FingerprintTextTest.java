package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.text.FingerprintText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text a de-duplicator shingles: real seed snippets, LaTeX, hyphenation, case, punctuation. */
class FingerprintTextTest {

    @Test
    void seed002MuonSnippet() {
        // 002_98fae5f0e34f7b08.txt, line 10
        assertEquals("scaling law experiments indicate that muon achieves 2 computational efficiency compared to adamw",
                FingerprintText.of("Scaling law experiments indicate that Muon achieves $\\sim\\!2\\times$ computational "
                        + "efficiency compared to AdamW"));
    }

    @Test
    void seed003TplaTitle() {
        // 003_67158ccae971545e.txt, line 361
        assertEquals("tpla tensor parallel latent attention for efficient disaggregated prefill decode inference",
                FingerprintText.of("TPLA: Tensor Parallel Latent Attention for Efficient Disaggregated Prefill \\& Decode "
                        + "Inference"));
    }

    @Test
    void seed000CalibrationAndHourglassSnippets() {
        // 000_967216e45daf8c7a.txt, lines 2 and 26
        assertEquals("analysing n 15 calibration sources", FingerprintText.of("analysing $n{=}15$ calibration sources"));
        assertEquals("general retention ρ 0 71 but", FingerprintText.of("General retention ($ρ{=}{+}0.71$) but"));
        assertEquals("a critical issue termed the hourglass phenomenon occurs in rqsid",
                FingerprintText.of("a critical issue termed the \"\\textbf{Hourglass}\" phenomenon, occurs in RQ-SID"));
    }

    @Test
    void theSameAbstractFromTwoSeedsGivesTheSameText() throws Exception {
        // Kimi K2 is in seed 000 (listing) and seed 001 (author listing)
        List<PaperEvent> listing = SeedFilesTest.parse("000_").papers();
        List<PaperEvent> author = SeedFilesTest.parse("001_").papers();
        String fingerprint = FingerprintText.of(listing.get(4).abstractText());
        assertTrue(fingerprint.startsWith("we introduce kimi k2"), fingerprint);
        assertEquals(fingerprint, FingerprintText.of(author.get(0).abstractText()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // LaTeX commands keep their argument; escapes become the character, then punctuation goes
        "\\textbf{Bold} and \\emph{emphasised} text  | bold and emphasised text",
        "R\\&D at 5\\% cost                           | r d at 5 cost",
        "$\\alpha$-divergence with $\\beta{=}0.5$     | αdivergence with β 0 5",
        "$O(n\\log n)$ time                           | o n n time",
        "$x^2$ and $x_{i}$ vs x² and xᵢ               | x2 and xi vs x2 and xi",
        // NFKC: ligatures and full-width forms
        "ﬁne-tuning on ＬＬＭｓ                        | finetuning on llms",
        // case folding is locale-independent (no dotless i under a Turkish default locale)
        "QUIT                                         | quit",
        // punctuation and dashes
        "results -- a survey; (see Fig.~3).           | results a survey see fig 3",
        "state-of-the-art vs. state of the art        | stateoftheart vs state of the art",
    })
    void normalises(String text, String expected) {
        assertEquals(expected.strip(), FingerprintText.of(text));
    }

    @Test
    void accentsAndApostrophes() {
        assertEquals("paulo andré and gödel and çelik", FingerprintText.of("Paulo Andr\\'e and G\\\"odel and \\c{C}elik"));
        assertEquals(FingerprintText.of("Paulo André"), FingerprintText.of("Paulo Andr\\'{e}"));
        assertEquals("the models results and speakers norms", FingerprintText.of("The model's results and speakers' norms"));
        assertEquals("the models", FingerprintText.of("The model\u2019s"));
    }

    @Test
    void hyphenationAcrossLineBreaksIsJoinedButSuspendedHyphensAreNot() {
        assertEquals("a combination of vqvae codes", FingerprintText.of("a combi-\nnation of VQ-\n  VAE codes"));
        assertEquals(FingerprintText.of("a combination of VQ-VAE codes"), FingerprintText.of("a combi-\r\nnation of VQ-\nVAE codes"));
        assertEquals("human and machinemade labels", FingerprintText.of("human-\nand machine-made\nlabels"));
        assertEquals("soft hyphenated", FingerprintText.of("soft hy\u00adphen\u00ad\nated"));
    }

    @Test
    void whitespaceCollapsesAndNothingGivesEmpty() {
        assertEquals("a b c", FingerprintText.of("  A\t\n b\u00a0\u2003C \r\n"));
        assertEquals("", FingerprintText.of(null));
        assertEquals("", FingerprintText.of(" \n "));
        assertEquals("", FingerprintText.of("$\\sim\\!\\times$ {} --"));
    }
}
