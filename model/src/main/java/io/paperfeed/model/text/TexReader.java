package io.paperfeed.model.text;

import java.text.Normalizer;

/**
 * Reads the TeX that arXiv metadata carries into the text a reader sees: escapes and accents become
 * characters, font commands give their argument, references and colours go, and math between
 * {@code $…$} or {@code \(…\)} becomes Unicode ({@code $\times$} → ×, {@code $x^2$} → x²) when every
 * part of it has a Unicode form; math that does not is kept as written, dollars and all, since TeX
 * source is more readable than half a conversion. A command it does not know stays as written.
 * Braces only group, so they go. One instance reads one text; not thread-safe.
 */
final class TexReader {

    private final String in;
    private int at;

    private TexReader(String in) {
        this.in = in;
    }

    /** The text with its TeX read. */
    static String read(String tex) {
        return new TexReader(tex).text(-1);
    }

    /** Text mode up to {@code end} (a closing brace's index) or the end of the input. */
    private String text(int end) {
        StringBuilder out = new StringBuilder();
        int stop = end < 0 ? in.length() : end;
        while (at < stop) {
            char c = in.charAt(at);
            if (c == '\\') {
                command(out);
            } else if (c == '$') {
                math(out, in.startsWith("$$", at) ? "$$" : "$", in.startsWith("$$", at) ? "$$" : "$");
            } else if (c == '{' || c == '}') {
                at++;
            } else if (in.startsWith("``", at)) {
                out.append('“');
                at += 2;
            } else if (in.startsWith("''", at)) {
                out.append('”');
                at += 2;
            } else {
                out.append(c);
                at++;
            }
        }
        return out.toString();
    }

    private void command(StringBuilder out) {
        if (at + 1 >= in.length()) {
            out.append('\\');
            at++;
            return;
        }
        char next = in.charAt(at + 1);
        if ("%&_#${}".indexOf(next) >= 0) {
            out.append(next);
            at += 2;
        } else if (next == '(' || next == '[') {
            math(out, "\\" + next, next == '(' ? "\\)" : "\\]");
        } else if (next == '\\') {
            out.append(' ');
            at += 2;
        } else if (TexSymbols.ACCENTS.containsKey(String.valueOf(next)) && !Character.isLetter(next)) {
            at += 2;
            accent(out, TexSymbols.ACCENTS.get(String.valueOf(next)));
        } else if (Character.isLetter(next)) {
            named(out);
        } else {
            at += 2; // \, \; \! \  and the like: spacing
            if (next == ' ' || next == ',' || next == ';') {
                out.append(' ');
            }
        }
    }

    private void named(StringBuilder out) {
        int start = at;
        at++;
        while (at < in.length() && Character.isLetter(in.charAt(at))) {
            at++;
        }
        String name = in.substring(start + 1, at);
        boolean argument = peekNonSpace() == '{';
        if (TexSymbols.ACCENTS.containsKey(name) && name.length() == 1) {
            accent(out, TexSymbols.ACCENTS.get(name));
        } else if (TexSymbols.LETTERS.containsKey(name)) {
            skipSpaces();
            out.append(TexSymbols.LETTERS.get(name));
        } else if (TexSymbols.UNWRAP.contains(name) && argument) {
            out.append(argumentText());
        } else if (TexSymbols.DECLARATIONS.contains(name)) {
            skipSpaces();
        } else if (TexSymbols.DROPPED.contains(name)) {
            dropArguments(1);
            if (!name.equals("color") && !name.endsWith("space") && !name.equals("includegraphics")) {
                trimTrailingTie(out);
            }
        } else if (name.equals("textcolor")) {
            dropArguments(1);
            out.append(argumentText());
        } else if (name.equals("href")) {
            String url = rawArgument();
            String label = argumentText();
            out.append(label.isBlank() ? url : label + " (" + url + ")");
        } else if (name.equals("url") || name.equals("hyperlink")) {
            out.append(rawArgument());
        } else if (name.equals("footnote")) {
            out.append(" (").append(argumentText().strip()).append(')');
        } else if (name.equals("textsuperscript") || name.equals("textsubscript")) {
            String arg = argumentText();
            String mapped = name.equals("textsuperscript") ? TexSymbols.superscript(arg) : TexSymbols.subscript(arg);
            out.append(mapped != null ? mapped : (name.equals("textsuperscript") ? "^" : "_") + arg);
        } else if (TexSymbols.SYMBOLS.containsKey(name)) {
            out.append(TexSymbols.SYMBOLS.get(name));
        } else {
            out.append(in, start, at); // a command nobody defined for us (a paper's own macro): as written
        }
    }

    /** A combining accent over the next letter, given as {@code e}, {@code {e}} or {@code {\i}}. */
    private void accent(StringBuilder out, String mark) {
        skipSpaces();
        String base;
        if (at < in.length() && in.charAt(at) == '{') {
            base = argumentText();
        } else if (at < in.length() && in.charAt(at) == '\\') {
            StringBuilder letter = new StringBuilder();
            named(letter);
            base = letter.toString();
        } else if (at < in.length()) {
            base = String.valueOf(in.charAt(at));
            at++;
        } else {
            base = "";
        }
        if (base.isEmpty()) {
            return;
        }
        String letter = base.equals("ı") ? "i" : base.equals("ȷ") ? "j" : base;
        out.append(Normalizer.normalize(letter.substring(0, 1) + mark, Normalizer.Form.NFC)).append(letter.substring(1));
    }

    /** Math from the opening delimiter at {@code at} to its closing one; unclosed, the delimiter is text. */
    private void math(StringBuilder out, String open, String close) {
        int bodyStart = at + open.length();
        int bodyEnd = closing(bodyStart, close);
        if (bodyEnd < 0) {
            out.append(open);
            at = bodyStart;
            return;
        }
        String body = in.substring(bodyStart, bodyEnd);
        String read = TexMath.read(body);
        out.append(read != null ? read : in.substring(at, bodyEnd + close.length()));
        at = bodyEnd + close.length();
    }

    private int closing(int from, String close) {
        for (int i = from; i < in.length(); i++) {
            if (in.charAt(i) == '\\' && !close.startsWith("\\")) {
                i++; // an escaped character, e.g. \$ inside math
            } else if (in.startsWith(close, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The next {@code {…}} read as text (balanced braces), or the next character when there is no brace. */
    private String argumentText() {
        skipSpaces();
        if (at >= in.length()) {
            return "";
        }
        if (in.charAt(at) != '{') {
            return String.valueOf(in.charAt(at++));
        }
        int close = matchingBrace(at);
        if (close < 0) {
            at++;
            return "";
        }
        at++;
        String text = text(close);
        at = close + 1;
        return text;
    }

    /** The next {@code {…}} as written (a URL). */
    private String rawArgument() {
        skipSpaces();
        if (at >= in.length() || in.charAt(at) != '{') {
            return "";
        }
        int close = matchingBrace(at);
        if (close < 0) {
            return "";
        }
        String raw = in.substring(at + 1, close).replace("\\%", "%").replace("\\_", "_").replace("\\#", "#")
                .replace("\\&", "&");
        at = close + 1;
        return raw;
    }

    private void dropArguments(int count) {
        for (int i = 0; i < count; i++) {
            skipSpaces();
            if (at < in.length() && in.charAt(at) == '[') {
                int close = in.indexOf(']', at);
                at = close < 0 ? at : close + 1;
                skipSpaces();
            }
            if (at < in.length() && in.charAt(at) == '{') {
                int close = matchingBrace(at);
                at = close < 0 ? at + 1 : close + 1;
            }
        }
    }

    /** {@code text~\cite{x}} and {@code text \cite{x}}: the tie or space before the reference goes with it. */
    private static void trimTrailingTie(StringBuilder out) {
        int length = out.length();
        while (length > 0 && (out.charAt(length - 1) == '~' || out.charAt(length - 1) == ' ')) {
            length--;
        }
        out.setLength(length);
    }

    private int matchingBrace(int open) {
        return TexBraces.matching(in, open);
    }

    private char peekNonSpace() {
        int i = at;
        while (i < in.length() && in.charAt(i) == ' ') {
            i++;
        }
        return i < in.length() ? in.charAt(i) : 0;
    }

    private void skipSpaces() {
        while (at < in.length() && in.charAt(at) == ' ') {
            at++;
        }
    }
}
