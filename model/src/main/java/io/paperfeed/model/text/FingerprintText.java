package io.paperfeed.model.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a de-duplicator shingles: an abstract (or title) reduced to lower-case words, so that the
 * same paper gives the same text whichever feed carried it.
 *
 * <p>{@link #of} applies, in order:
 * <ol>
 *   <li>Unicode NFKC (ligatures, full-width and super-script forms become plain letters and digits);</li>
 *   <li>LaTeX markup stripped: accents become accented letters ({@code \'e} → é), escaped
 *       characters become the character ({@code \&} → &), Greek letter commands become the letter
 *       ({@code \alpha} → α), every other command is dropped with its backslash while the argument
 *       stays ({@code \textbf{x}} → x, {@code \sim}, {@code \times} gone), {@code \!} and braces
 *       vanish ({@code {=}} → =), and so do math delimiters {@code $} and the sub- and superscript
 *       marks {@code _ ^}, keeping the math's letters and digits ({@code $\sim\!2\times$} → 2,
 *       {@code $x^2$} → x2 as for {@code x²});</li>
 *   <li>hyphenation joined: a hyphen inside a word is dropped, also across a line break
 *       ({@code combi-\nnation} → combination, {@code VQ-VAE} → vqvae), but not a suspended hyphen
 *       before {@code and}/{@code or}/{@code to} ({@code human-\nand} → human and);</li>
 *   <li>case folded ({@link Locale#ROOT});</li>
 *   <li>apostrophes inside words dropped ({@code model's} → models), every other character that
 *       is not a letter, digit or combining mark becomes a space;</li>
 *   <li>whitespace collapsed and trimmed.</li>
 * </ol>
 * The result is for comparison only, never for display: {@code abstract} keeps the text as given.
 */
public final class FingerprintText {

    private static final Pattern ACCENT = Pattern.compile(
            "\\\\(['`^\"~=.])\\s*(?:\\{\\s*([A-Za-z])\\s*\\}|([A-Za-z]))|\\\\([cvuHrkd])\\s*\\{\\s*([A-Za-z])\\s*\\}");
    private static final Map<String, String> ACCENT_MARKS = Map.ofEntries(
            Map.entry("'", "\u0301"), Map.entry("`", "\u0300"), Map.entry("^", "\u0302"),
            Map.entry("\"", "\u0308"), Map.entry("~", "\u0303"), Map.entry("=", "\u0304"),
            Map.entry(".", "\u0307"), Map.entry("c", "\u0327"), Map.entry("v", "\u030C"),
            Map.entry("u", "\u0306"), Map.entry("H", "\u030B"), Map.entry("r", "\u030A"),
            Map.entry("k", "\u0328"), Map.entry("d", "\u0323"));
    /** A control word ({@code \textbf}) or a control symbol ({@code \&}, {@code \!}, {@code \,}). */
    private static final Pattern COMMAND = Pattern.compile("\\\\(?:([A-Za-z]+)\\*?|([^A-Za-z\\s]))");
    private static final Map<String, String> GREEK = greek();
    /**
     * A hyphen inside a word ({@code VQ-VAE}), or at a line end inside a word ({@code combi-\nnation}),
     * but not a suspended hyphen before a line break ({@code human-\nand machine}).
     */
    private static final Pattern WORD_HYPHEN = Pattern.compile(
            "(?<=[\\p{L}\\p{N}\\p{M}])[-\u2010\u2011\u00ad]"
                    + "(?:[ \\t]*(?:\\r\\n|\\n|\\r)[ \\t]*(?!(?:and|or|nor|to|vs|versus|as)\\b))?(?=[\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=[\\p{L}\\p{N}])['\u2019](?=\\p{L})");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern FORMAT_CHARS = Pattern.compile("[\\p{Cf}]");

    private FingerprintText() {
    }

    /** The fingerprint text of a text: lower-case words separated by single spaces; empty for null or blank. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = stripLatex(s);
        if (isAscii(s)) {
            return AsciiFingerprint.of(s);
        }
        s = FORMAT_CHARS.matcher(WORD_HYPHEN.matcher(s).replaceAll("")).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = APOSTROPHE.matcher(s).replaceAll("");
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** The steps after NFKC and LaTeX by regular expressions, for any text (the ASCII path's reference). */
    static String byRegex(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = stripLatex(Normalizer.normalize(text, Normalizer.Form.NFKC));
        s = FORMAT_CHARS.matcher(WORD_HYPHEN.matcher(s).replaceAll("")).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = APOSTROPHE.matcher(s).replaceAll("");
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** LaTeX markup removed, its letters and digits kept (see the class documentation). */
    static String stripLatex(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('{') < 0 && text.indexOf('$') < 0) {
            return text;
        }
        String s = replace(ACCENT, text, m -> {
            String letter = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5);
            String accent = m.group(1) != null ? m.group(1) : m.group(4);
            return letter + ACCENT_MARKS.get(accent);
        });
        s = replace(COMMAND, s, m -> {
            if (m.group(1) != null) {
                String greek = GREEK.get(m.group(1));
                return greek != null ? greek : " ";
            }
            String symbol = m.group(2);
            return switch (symbol) {
                case "!", "/" -> "";
                case ",", ";", ":", ">", " " -> " ";
                case "\\" -> " ";
                default -> symbol; // \& \% \$ \_ \# \{ \}
            };
        });
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '{' && ch != '}' && ch != '$' && ch != '^' && ch != '_') {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> greek() {
        String[] names = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
            "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
        String lower = "αβγδεζηθικλμνξοπρστυφχψω";
        String upper = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ";
        java.util.HashMap<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], String.valueOf(lower.charAt(i)));
            String capital = Character.toUpperCase(names[i].charAt(0)) + names[i].substring(1);
            map.put(capital, String.valueOf(upper.charAt(i)));
        }
        map.put("varepsilon", "ε");
        map.put("vartheta", "θ");
        map.put("varphi", "φ");
        map.put("varrho", "ρ");
        map.put("varsigma", "ς");
        map.put("ell", "l");
        return Map.copyOf(map);
    }
}
