package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void doubleEncodedUtf8IsRepairedAndNothingElse() {
        // as the arXiv API serves it: "Ramírez" encoded as UTF-8, read as Latin-1, encoded again
        assertEquals("Aurora Ram\u00edrez", TextNormalizer.repairDoubleEncoded("Aurora Ram\u00c3\u00adrez"));
        assertEquals("Jos\u00e9 Ra\u00fal Romero", TextNormalizer.repairDoubleEncoded("Jos\u00c3\u00a9 Ra\u00c3\u00bal Romero"));
        assertEquals("Zo\u00e9 M\u00fcller", TextNormalizer.repairDoubleEncoded("Zo\u00e9 M\u00fcller"), "real Latin-1 text stays");
        assertEquals("\u00c3\u00a9 and \u4e2d", TextNormalizer.repairDoubleEncoded("\u00c3\u00a9 and \u4e2d"), "not all Latin-1");
        assertEquals("\u00c3\u00a9\u00e9", TextNormalizer.repairDoubleEncoded("\u00c3\u00a9\u00e9"), "not valid UTF-8 as bytes");
        assertNull(TextNormalizer.repairDoubleEncoded(null));
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
