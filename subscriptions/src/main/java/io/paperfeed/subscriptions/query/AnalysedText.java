package io.paperfeed.subscriptions.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A title or an abstract after the English analysis of {@link PaperFields} (every analyzer of papers
 * gives those two fields the same {@link EnglishAnalyzer}): its tokens with their position increments
 * and offsets, replayable as a {@link TokenStream}. Classification and matching both analyse each
 * paper's title and abstract; {@link #of} keeps the last title and abstract analysed on the calling
 * thread, so the second of them takes the first one's tokens (a paper's text is the same {@code String}
 * from the one to the other within a stream task).
 */
public final class AnalysedText {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final ThreadLocal<AnalysedText[]> LAST = ThreadLocal.withInitial(() -> new AnalysedText[2]);

    private final String text;
    private final TokenList tokens = new TokenList(); // places are position increments
    private int finalOffset;
    private int finalIncrement;

    private AnalysedText(String text) {
        this.text = text;
    }

    /** True for the fields this class analyses: {@link PaperFields#TITLE} and {@link PaperFields#ABSTRACT}. */
    public static boolean covers(String field) {
        return PaperFields.TITLE.equals(field) || PaperFields.ABSTRACT.equals(field);
    }

    /** The analysis of {@code text} as the {@code field} (a title or an abstract) of a paper. */
    public static AnalysedText of(String field, String text) {
        int slot = PaperFields.TITLE.equals(field) ? 0 : 1;
        if (slot == 1 && !PaperFields.ABSTRACT.equals(field)) {
            throw new IllegalArgumentException("not a title or an abstract: " + field);
        }
        AnalysedText[] last = LAST.get();
        AnalysedText cached = last[slot];
        if (cached != null && cached.text == text) {
            return cached;
        }
        AnalysedText analysed = analyse(field, text);
        last[slot] = analysed;
        return analysed;
    }

    private static AnalysedText analyse(String field, String text) {
        AnalysedText analysed = new AnalysedText(text);
        try (TokenStream stream = ENGLISH.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                analysed.tokens.add(term.toString(), increment.getPositionIncrement(), offsets.startOffset(),
                        offsets.endOffset());
            }
            stream.end();
            analysed.finalOffset = offsets.endOffset();
            analysed.finalIncrement = increment.getPositionIncrement(); // stop words at the end
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return analysed;
    }

    public int size() {
        return tokens.size();
    }

    public String term(int i) {
        return tokens.term(i);
    }

    /** The token's position increment (more than 1 after a removed stop word). */
    public int increment(int i) {
        return tokens.place(i);
    }

    public int startOffset(int i) {
        return tokens.startOffset(i);
    }

    public int endOffset(int i) {
        return tokens.endOffset(i);
    }

    /** The tokens again, with the same terms, increments and offsets, as the analyzer's stream gave them. */
    public TokenStream replay() {
        return new Replay();
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.term(next));
            increment.setPositionIncrement(tokens.place(next));
            offsets.setOffset(tokens.startOffset(next), tokens.endOffset(next));
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offsets.setOffset(finalOffset, finalOffset);
            increment.setPositionIncrement(finalIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
