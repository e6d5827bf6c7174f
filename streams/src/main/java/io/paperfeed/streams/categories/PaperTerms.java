package io.paperfeed.streams.categories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words a paper is predicted from: title and abstract through Lucene's {@link EnglishAnalyzer}
 * (standard tokenizer, lowercase, English stop words, Porter stemming), keeping only tokens with a
 * letter and at least two characters (numbers, scores and years say nothing about the category).
 * Title words count {@value #TITLE_WEIGHT} times, as in the topic classifier's title boost.
 * Thread-safe: Lucene analyzers keep their token streams per thread.
 */
final class PaperTerms {

    static final int TITLE_WEIGHT = 2;
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private PaperTerms() {
    }

    /** Analysed word → weighted count. */
    static Map<String, Integer> counts(String title, String abstractText) {
        Map<String, Integer> counts = new HashMap<>();
        add(counts, title, TITLE_WEIGHT);
        add(counts, abstractText, 1);
        return counts;
    }

    private static void add(Map<String, Integer> counts, String text, int weight) {
        if (text == null || text.isBlank()) {
            return;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() >= 2 && hasLetter(term)) {
                    counts.merge(term.toString(), weight, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasLetter(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetter(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
