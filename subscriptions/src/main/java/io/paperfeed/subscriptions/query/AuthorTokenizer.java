package io.paperfeed.subscriptions.query;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One author value as its {@link AuthorNames#keys}, each spanning the whole value (so a match on a key
 * names the author it was in), then the words {@link StandardTokenizer} makes of it (so word and phrase
 * queries on {@code authors} match as before). The keys come first so that offsets never go backwards,
 * as an {@code IndexWriter} (the preview's index) requires.
 */
final class AuthorTokenizer extends Tokenizer {

    private final StandardTokenizer words = new StandardTokenizer();
    private final CharTermAttribute wordTerm = words.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute wordOffset = words.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute wordIncrement = words.addAttribute(PositionIncrementAttribute.class);
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private String text = "";
    private List<String> keys = List.of();
    private int nextKey;
    private boolean wordsDone;

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[256];
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            all.append(buffer, 0, n);
        }
        text = all.toString();
        keys = AuthorNames.keys(text);
        nextKey = 0;
        wordsDone = false;
        words.setReader(new StringReader(text));
        words.reset();
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (nextKey < keys.size()) {
            term.setEmpty().append(keys.get(nextKey++));
            offset.setOffset(correctOffset(0), correctOffset(text.length()));
            increment.setPositionIncrement(1);
            return true;
        }
        if (!wordsDone && words.incrementToken()) {
            term.copyBuffer(wordTerm.buffer(), 0, wordTerm.length());
            offset.setOffset(correctOffset(wordOffset.startOffset()), correctOffset(wordOffset.endOffset()));
            increment.setPositionIncrement(wordIncrement.getPositionIncrement());
            return true;
        }
        if (!wordsDone) {
            wordsDone = true;
            words.end();
            words.close();
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(text.length());
        offset.setOffset(end, end);
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (!wordsDone) {
            wordsDone = true;
            words.close();
        }
    }
}
