package io.paperfeed.model.text;

import java.text.Normalizer;

/**
 * The body of one inline formula as Unicode: symbols ({@code \times} → ×, {@code \leq} → ≤, Greek
 * letters), super- and subscripts ({@code x^2} → x², {@code 10^{-3}} → 10⁻³, {@code 90^\circ} → 90°,
 * else {@code ^(…)}), fonts unwrapped ({@code \mathbf{x}} → x, {@code \mathbb{R}} → ℝ), accents
 * ({@code \tilde C} → C̃), {@code \frac{a}{b}} → a/b, {@code \sqrt{x}} → √x. Null when some part has
 * no Unicode form (an unknown command), so the caller keeps the formula as written.
 */
final class TexMath {

    private final String in;
    private int at;
    private boolean unknown;

    private TexMath(String in) {
        this.in = in;
    }

    /** The formula as Unicode, or null when some part of it has no Unicode form. */
    static String read(String body) {
        TexMath math = new TexMath(body);
        String out = math.until(body.length()).replaceAll("\\s+", " ").strip();
        return math.unknown || out.isEmpty() ? null : out;
    }

    private String until(int end) {
        StringBuilder out = new StringBuilder();
        while (at < end && !unknown) {
            char c = in.charAt(at);
            if (c == '\\') {
                command(out);
            } else if (c == '^' || c == '_') {
                at++;
                script(out, c);
            } else if (c == '{' || c == '}') {
                at++;
            } else {
                out.append(c);
                at++;
            }
        }
        return out.toString();
    }

    private void command(StringBuilder out) {
        if (at + 1 >= in.length()) {
            unknown = true;
            return;
        }
        char next = in.charAt(at + 1);
        if (!Character.isLetter(next)) {
            at += 2;
            if ("%&_#${}|".indexOf(next) >= 0) {
                out.append(next == '|' ? "‖" : String.valueOf(next));
            } else if (next == ' ' || next == ',' || next == ';' || next == ':') {
                out.append(' ');
            } else if (next != '!') {
                unknown = true;
            }
            return;
        }
        int start = ++at;
        while (at < in.length() && Character.isLetter(in.charAt(at))) {
            at++;
        }
        String name = in.substring(start, at);
        if (TexSymbols.SYMBOLS.containsKey(name)) {
            out.append(TexSymbols.SYMBOLS.get(name));
        } else if (name.equals("mathbb")) {
            String arg = argument();
            out.append(arg.length() == 1 && TexSymbols.BLACKBOARD.containsKey(arg.charAt(0))
                    ? TexSymbols.BLACKBOARD.get(arg.charAt(0)) : arg);
        } else if (TexSymbols.UNWRAP.contains(name) && peek() == '{') {
            out.append(argument());
        } else if (TexSymbols.DECLARATIONS.contains(name)) {
            skipSpaces();
        } else if (TexSymbols.ACCENTS.containsKey(name) && name.length() > 1) {
            String arg = argument();
            out.append(arg.isEmpty() ? "" : Normalizer.normalize(arg.substring(0, 1) + TexSymbols.ACCENTS.get(name),
                    Normalizer.Form.NFC) + arg.substring(1));
        } else if (name.equals("frac") || name.equals("dfrac") || name.equals("tfrac")) {
            String numerator = argument();
            String denominator = argument();
            out.append(group(numerator)).append('/').append(group(denominator));
        } else if (name.equals("sqrt")) {
            out.append('√').append(group(argument()));
        } else if (name.equals("unicode")) {
            out.append(unicode(argument()));
        } else if (name.equals("prime")) {
            out.append('′');
        } else {
            unknown = true;
        }
    }

    /** A super- or subscript: Unicode forms when every character has one, else {@code ^x} or {@code ^(xy)}. */
    private void script(StringBuilder out, char mark) {
        skipSpaces();
        if (in.startsWith("\\circ", at) && mark == '^') {
            at += "\\circ".length();
            out.append('°');
            return;
        }
        String arg = argument();
        String mapped = mark == '^' ? TexSymbols.superscript(arg) : TexSymbols.subscript(arg);
        if (mapped != null) {
            out.append(mapped);
        } else if (!arg.isEmpty()) {
            out.append(mark).append(arg.codePointCount(0, arg.length()) > 1 ? "(" + arg + ")" : arg);
        }
    }

    /** The next {@code {…}}, a command or a single character, read as math. */
    private String argument() {
        skipSpaces();
        if (at >= in.length()) {
            return "";
        }
        char c = in.charAt(at);
        if (c == '{') {
            int close = matchingBrace(at);
            if (close < 0) {
                unknown = true;
                return "";
            }
            at++;
            String inner = until(close);
            at = close + 1;
            return inner;
        }
        if (c == '\\') {
            StringBuilder one = new StringBuilder();
            command(one);
            return one.toString();
        }
        at += Character.charCount(in.codePointAt(at));
        return in.substring(at - Character.charCount(in.codePointBefore(at)), at);
    }

    private String unicode(String hex) {
        String digits = hex.strip().replaceFirst("^[xX]", "");
        try {
            return Character.toString(Integer.parseInt(digits, 16));
        } catch (IllegalArgumentException e) {
            unknown = true;
            return "";
        }
    }

    private static String group(String part) {
        return part.codePointCount(0, part.length()) > 1 && !part.matches("[\\p{L}\\p{N}.]+") ? "(" + part + ")" : part;
    }

    private int matchingBrace(int open) {
        return TexBraces.matching(in, open);
    }

    private char peek() {
        skipSpaces();
        return at < in.length() ? in.charAt(at) : 0;
    }

    private void skipSpaces() {
        while (at < in.length() && in.charAt(at) == ' ') {
            at++;
        }
    }
}
