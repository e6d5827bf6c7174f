package io.paperfeed.model.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Titles and abstracts as a reader sees them on arXiv's pages, for every channel people read
 * (feeds, e-mail, pages, Slack), while the events keep the text as the feed gave it: TeX escapes,
 * accents and font commands read ({@code Prefill \& Decode} → {@code Prefill & Decode},
 * {@code G\"orlitz} → Görlitz, {@code \textbf{UFDANet}} → UFDANet), references dropped, inline math as
 * Unicode where it has a form ({@code $10\times$} → 10×, {@code $x^2$} → x², else kept as written),
 * and arXiv's hard line breaks joined. {@link #paragraphs} keeps the paragraphs of an abstract: a blank
 * line, or a line indented as arXiv indents a new paragraph, starts one.
 */
public final class ReaderText {

    private static final Pattern NEW_PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\n(?=[ \\t]{2,}\\S)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ReaderText() {
    }

    /** One line of reader text; null stays null. */
    public static String line(String tex) {
        if (tex == null) {
            return null;
        }
        return WHITESPACE.matcher(TexReader.read(tex)).replaceAll(" ").strip();
    }

    /** The paragraphs of a text, each one line of reader text; empty for null or blank text. */
    public static List<String> paragraphs(String tex) {
        List<String> paragraphs = new ArrayList<>();
        if (tex == null) {
            return paragraphs;
        }
        for (String part : NEW_PARAGRAPH.split(tex)) {
            String text = line(part);
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    /** The paragraphs joined by blank lines. */
    public static String text(String tex) {
        return String.join("\n\n", paragraphs(tex));
    }

    /** The first {@code max} characters of the text's one-line form, cut at a word with "…". */
    public static String shortened(String tex, int max) {
        String text = line(tex);
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
