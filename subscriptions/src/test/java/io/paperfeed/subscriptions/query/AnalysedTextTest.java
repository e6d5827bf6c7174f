package io.paperfeed.subscriptions.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class AnalysedTextTest {

    // stop words inside and at the end, so increments above 1 and a final increment
    private static final String ABSTRACT = "We compress the KV cache of large language models, and it is fast as well as the";

    @Test
    void theReplayIsTheEnglishAnalysisTokenForTokenAndAtItsEnd() throws IOException {
        List<String> expected = tokens(PaperFields.indexAnalyzer().tokenStream(PaperFields.ABSTRACT, ABSTRACT));
        List<String> replayed = tokens(AnalysedText.of(PaperFields.ABSTRACT, new String(ABSTRACT)).replay());
        assertEquals(expected, replayed);
        assertEquals(List.of("we", "compress", "kv", "cach", "larg", "languag", "model", "fast", "well"),
                expected.stream().filter(t -> !t.startsWith("end")).map(t -> t.split("@")[0]).toList());
    }

    @Test
    void theSameTextObjectIsAnalysedOncePerThreadAndAnotherOneAgain() {
        String title = new String("Sparse attention for long contexts");
        AnalysedText first = AnalysedText.of(PaperFields.TITLE, title);
        assertSame(first, AnalysedText.of(PaperFields.TITLE, title), "classification then matching: one analysis");
        AnalysedText other = AnalysedText.of(PaperFields.TITLE, new String(title));
        assertNotSame(first, other);
        assertEquals(first.size(), other.size());
        assertThrows(IllegalArgumentException.class, () -> AnalysedText.of(PaperFields.AUTHORS, "Ada Lovelace"));
    }

    /** Each token as term@increment:start-end, then the end state. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "@" + increment.getPositionIncrement() + ":" + offsets.startOffset() + "-" + offsets.endOffset());
            }
            stream.end();
            out.add("end@" + increment.getPositionIncrement() + ":" + offsets.endOffset());
        }
        return out;
    }
}
