package io.paperfeed.streams.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text a paper is recognised by: what stays when display details go. Case is folded, Unicode is
 * NFKC, LaTeX markup is stripped ({@code \textbf{x}} → {@code x}, {@code \&} → {@code &},
 * {@code $\sim\!2\times$} → {@code 2}), words hyphenated across line ends are joined, punctuation
 * and whitespace become single spaces. Two renderings of one abstract give the same fingerprint text.
 */
public final class TextFingerprint {

    private static final Pattern LINE_END_HYPHEN = Pattern.compile("(\\p{L})-\\s*\\R\\s*(\\p{Ll})");
    private static final Pattern LATEX_COMMAND_WITH_ARG = Pattern.compile("\\\\[a-zA-Z]+\\*?\\s*\\{([^{}]*)}");
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\([a-zA-Z]+|[^a-zA-Z\\s])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFingerprint() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = LINE_END_HYPHEN.matcher(s).replaceAll("$1$2");
        String previous;
        do {
            previous = s;
            s = LATEX_COMMAND_WITH_ARG.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        } while (!s.equals(previous));
        s = LATEX_COMMAND.matcher(s).replaceAll(" ");
        s = s.toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(s).replaceAll(" ").trim();
    }
}
