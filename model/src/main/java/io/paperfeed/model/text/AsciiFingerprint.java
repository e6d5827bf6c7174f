package io.paperfeed.model.text;

/**
 * The steps of {@link FingerprintText#of} after LaTeX, for ASCII text, in two linear passes instead of
 * four regular expressions (most abstracts are ASCII; this is where a de-duplicator spent most of its
 * time): hyphens inside words dropped (also across a line end, but not before a suspended
 * {@code and}/{@code or}/...), case folded, apostrophes inside words dropped, every run of other
 * characters one space. The same result as the regular expressions, checked on every arXiv-daily
 * abstract and on random text by {@code FingerprintTextTest}.
 */
final class AsciiFingerprint {

    private static final String[] SUSPENDED = {"and", "or", "nor", "to", "vs", "versus", "as"};

    private AsciiFingerprint() {
    }

    static String of(String s) {
        int n = s.length();
        char[] joined = new char[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-' && i > 0 && isAlnum(s.charAt(i - 1))) {
                if (i + 1 < n && isAlnum(s.charAt(i + 1))) {
                    continue;
                }
                int k = skipBlanks(s, i + 1);
                if (k < n && (s.charAt(k) == '\n' || s.charAt(k) == '\r')) {
                    k += s.charAt(k) == '\r' && k + 1 < n && s.charAt(k + 1) == '\n' ? 2 : 1;
                    k = skipBlanks(s, k);
                    if (k < n && isAlnum(s.charAt(k)) && !suspendedAt(s, k)) {
                        i = k - 1;
                        continue;
                    }
                }
            }
            joined[m++] = c;
        }
        StringBuilder out = new StringBuilder(m);
        boolean gap = false;
        for (int i = 0; i < m; i++) {
            char c = joined[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (isAlnum(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else if (c == '\'' && i > 0 && isAlnum(joined[i - 1]) && i + 1 < m && isLetter(joined[i + 1])) {
                continue; // an apostrophe inside a word: model's -> models
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static int skipBlanks(String s, int k) {
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k;
    }

    /** A suspended word ({@code and}, {@code or}, ...) at {@code k}, any case, then a word boundary. */
    private static boolean suspendedAt(String s, int k) {
        for (String word : SUSPENDED) {
            if (s.regionMatches(true, k, word, 0, word.length())) {
                int end = k + word.length();
                if (end >= s.length() || !isWordChar(s.charAt(end))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAlnum(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }
}
