package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    @Test
    void latexMarkupIsStrippedButItsTextKept() {
        assertEquals("muon achieves 2 computational efficiency",
                TextFingerprint.of("Muon achieves $\\sim\\!2\\times$ computational efficiency"));
        assertEquals("efficient disaggregated prefill decode inference",
                TextFingerprint.of("Efficient Disaggregated Prefill \\& Decode Inference"));
        assertEquals("a bold claim x 1", TextFingerprint.of("A \\textbf{bold} claim: $x {=} 1$"));
    }

    @Test
    void wordsHyphenatedAcrossLineEndsAreJoinedAndWhitespaceFolded() {
        assertEquals("knowledge distillation for language models",
                TextFingerprint.of("Knowledge distil-\nlation for\n  language\tmodels."));
    }

    @Test
    void unicodeCompatibilityFormsAndCaseFold() {
        assertEquals("ﬁ".length(), 1);
        assertEquals("fine tuning", TextFingerprint.of("ＦＩＮＥ-Tuning"));
    }
}
