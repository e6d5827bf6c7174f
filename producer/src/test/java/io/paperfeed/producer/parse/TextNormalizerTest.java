package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void arxivIdsLoseTheirPrefixAndVersion() {
        assertEquals(Optional.of(new TextNormalizer.ArxivId("2507.20534", 2)), TextNormalizer.arxivId("arXiv:2507.20534v2"));
        assertEquals(Optional.of(new TextNormalizer.ArxivId("2507.20534", null)), TextNormalizer.arxivId("2507.20534"));
        assertEquals(Optional.of(new TextNormalizer.ArxivId("0704.0001", 1)), TextNormalizer.arxivId("0704.0001v1"));
        assertEquals(Optional.of(new TextNormalizer.ArxivId("hep-th/9709111", null)), TextNormalizer.arxivId("hep-th/9709111"));
        assertEquals(Optional.of(new TextNormalizer.ArxivId("math.GT/0309136", 4)), TextNormalizer.arxivId("arXiv:math.GT/0309136v4"));
        assertEquals(Optional.of(new TextNormalizer.ArxivId("2503.22698", null)),
                TextNormalizer.arxivId("https://arxiv.org/abs/2503.22698"));
        assertEquals(Optional.empty(), TextNormalizer.arxivId("not-an-id"));
        assertEquals(Optional.empty(), TextNormalizer.arxivId("2507.20534v0"));
        assertEquals(Optional.empty(), TextNormalizer.arxivId("10.1145/3485447"));
        assertEquals(Optional.empty(), TextNormalizer.arxivId(null));
    }

    @Test
    void cleanCollapsesWhitespaceAndComposesUnicode() {
        assertEquals("a b c", TextNormalizer.clean("  a\t\n b\u00a0\u00a0c \r\n"));
        assertEquals("caf\u00e9", TextNormalizer.clean("cafe\u0301"));
        assertEquals("$\\alpha{=}1$ x", TextNormalizer.clean("$\\alpha{=}1$\u0007x"));
        assertNull(TextNormalizer.clean(" \n\t "));
        assertNull(TextNormalizer.clean(null));
    }

    @Test
    void wrappedSummariesJoinLinesButNotCompounds() {
        assertEquals("vector quantised auto-encoder (VQ-VAE) and human- and machine-made labels",
                TextNormalizer.joinWrapped("vector quantised auto-encoder (VQ-\nVAE) and human-\nand machine-made\nlabels"));
        assertEquals("domains -- healthcare", TextNormalizer.joinWrapped("domains --\nhealthcare"));
        assertEquals("first paragraph. second", TextNormalizer.joinWrapped("first paragraph.\n\n second"));
    }

    @Test
    void authorsSplitOnCommasAndAnd() {
        assertEquals(List.of("T. Y. Liu", "Ann Lee", "Bo Chen"), TextNormalizer.splitAuthors("T. Y. Liu, Ann Lee and Bo Chen"));
        assertTrue(LayoutRules.authorLike("Yifan Kimi Team, Yiping Bai, T. Y. Liu"));
        assertFalse(LayoutRules.authorLike("the model improves, with strengths in agentic capabilities and more words here"));
    }

    @Test
    void binaryIsNulOrManyControlCharacters() {
        assertTrue(TextNormalizer.isBinary("abc\u0000def"));
        assertTrue(TextNormalizer.isBinary("\u0089PNG\r\n\u001a\n\u0001\u0002"));
        assertFalse(TextNormalizer.isBinary("An abstract with one stray \uFFFD character in a long sentence of text."));
        assertFalse(TextNormalizer.isBinary("line one\r\nline two\tcolumn"));
    }
}
