package io.paperfeed.model.text;

/** TeX's braces: where a group closes, escaped braces ({@code \{}) not counted. */
final class TexBraces {

    private TexBraces() {
    }

    /** The index of the brace that closes the one at {@code open}, or -1 when it never closes. */
    static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
