package io.paperfeed.streams.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The edits that must not split a paper: whitespace and hard line breaks, LaTeX markup, a word
 * hyphenated across a line end, and one sentence replaced (as between arXiv v1 and v2).
 */
final class LightEdits {

    private LightEdits() {
    }

    /** The text with all four kinds of edit, the replaced sentence taken from {@code otherText}. */
    static String apply(String text, String otherText, Random random) {
        String edited = replaceOneSentence(text, otherText, random);
        edited = latex(edited, random);
        edited = hyphenate(edited, random);
        return whitespace(edited, random);
    }

    static String replaceOneSentence(String text, String otherText, Random random) {
        List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=\\.)\\s+")));
        String[] others = otherText.split("(?<=\\.)\\s+");
        if (sentences.size() < 2) {
            return text;
        }
        sentences.set(random.nextInt(sentences.size()), others[random.nextInt(others.length)]);
        return String.join(" ", sentences);
    }

    static String latex(String text, Random random) {
        String[] words = text.split(" ");
        int i = random.nextInt(words.length);
        words[i] = "\\textbf{" + words[i] + "}";
        int j = random.nextInt(words.length);
        words[j] = "\\emph{" + words[j] + "}";
        return String.join(" ", words).replace("&", "\\&").replace(" = ", " {=} ");
    }

    static String hyphenate(String text, Random random) {
        String[] words = text.split(" ");
        for (int tries = 0; tries < 20; tries++) {
            int i = random.nextInt(words.length);
            if (words[i].matches("[a-z]{8,}")) {
                int cut = 3 + random.nextInt(words[i].length() - 5);
                words[i] = words[i].substring(0, cut) + "-\n" + words[i].substring(cut);
                break;
            }
        }
        return String.join(" ", words);
    }

    static String whitespace(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (out.length() > 0) {
                int r = random.nextInt(12);
                out.append(r == 0 ? "\n" : r == 1 ? "  " : r == 2 ? " \t" : " ");
            }
            out.append(word);
        }
        return "  " + out + "\n";
    }
}
