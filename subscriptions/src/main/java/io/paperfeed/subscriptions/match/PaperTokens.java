package io.paperfeed.subscriptions.match;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.query.AnalysedText;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.TokenList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysed tokens of one text field of a paper, as Lucene's memory index sees them: terms with
 * positions (a stop word leaves a gap; each further value of a multi-valued field starts after the
 * analyzer's position gap) and offsets (each further value after the text of the ones before plus the
 * offset gap; values before the first one with tokens count for nothing), in position order.
 */
final class PaperTokens {

    private final TokenList tokens = new TokenList(); // places are positions

    private PaperTokens() {
    }

    /** The tokens of the paper's title, abstract or authors, analysed by {@code analyzer}. */
    static PaperTokens of(CanonicalPaper paper, String field, Analyzer analyzer) {
        List<String> values = switch (field) {
            case PaperFields.TITLE -> paper.title() == null ? List.of() : List.of(paper.title());
            case PaperFields.ABSTRACT -> List.of(paper.abstractText());
            case PaperFields.AUTHORS -> paper.authors();
            default -> throw new IllegalArgumentException("not a text field: " + field);
        };
        PaperTokens tokens = new PaperTokens();
        if (AnalysedText.covers(field)) { // the analysis classification made of this text, when it did
            return values.isEmpty() ? tokens : tokens.fill(AnalysedText.of(field, values.get(0)));
        }
        int position = -1;
        int offset = 0;
        for (int v = 0; v < values.size(); v++) {
            if (v > 0 && tokens.size() > 0) { // as Lucene's memory index: gaps only after a value with tokens
                position += analyzer.getPositionIncrementGap(field);
                offset += values.get(v - 1).length() + analyzer.getOffsetGap(field);
            }
            position = tokens.add(analyzer, field, values.get(v), position, offset);
        }
        return tokens;
    }

    private PaperTokens fill(AnalysedText text) {
        int position = -1;
        for (int i = 0; i < text.size(); i++) {
            position += text.increment(i);
            append(text.term(i), position, text.startOffset(i), text.endOffset(i));
        }
        return this;
    }

    /** How many tokens the analyzer makes of one value. */
    static int ofText(String field, String text, Analyzer analyzer) {
        PaperTokens tokens = new PaperTokens();
        tokens.add(analyzer, field, text, -1, 0);
        return tokens.size();
    }

    private int add(Analyzer analyzer, String field, String text, int startPosition, int offset) {
        int position = startPosition;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                append(term.toString(), position, offset + offsets.startOffset(), offset + offsets.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return position;
    }

    private void append(String term, int position, int start, int end) {
        tokens.add(term, position, start, end);
    }

    int size() {
        return tokens.size();
    }

    String term(int i) {
        return tokens.term(i);
    }

    int position(int i) {
        return tokens.place(i);
    }

    int startOffset(int i) {
        return tokens.startOffset(i);
    }

    int endOffset(int i) {
        return tokens.endOffset(i);
    }

    /**
     * Whether the phrase whose first term is token {@code first} goes on there: each later term at its
     * relative position.
     *
     * @return the index of the phrase's last token, or -1 when the phrase is not at {@code first}
     */
    int phraseEnd(int first, List<String> phraseTerms, List<Integer> relativePositions) {
        int j = first;
        for (int k = 1; k < phraseTerms.size(); k++) {
            int wanted = position(first) + relativePositions.get(k);
            while (j < size() && position(j) < wanted) {
                j++;
            }
            int found = -1;
            for (int t = j; t < size() && position(t) == wanted; t++) {
                if (term(t).equals(phraseTerms.get(k))) {
                    found = t;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            j = found;
        }
        return j;
    }
}
