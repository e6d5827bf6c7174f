package io.paperfeed.producer.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader of a synthetic prefix followed by a text from an offset on, without copying the text: how
 * {@link XmlFeedStream} starts a parser again at an entry, inside copies of the entry's ancestors.
 */
final class PrefixedReader extends Reader {

    private final String prefix;
    private final String text;
    private int prefixAt;
    private int at;

    PrefixedReader(String prefix, String text, int start) {
        this.prefix = prefix;
        this.text = text;
        this.at = start;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (prefixAt < prefix.length()) {
            int n = Math.min(length, prefix.length() - prefixAt);
            prefix.getChars(prefixAt, prefixAt + n, buffer, offset);
            prefixAt += n;
            return n;
        }
        if (at >= text.length()) {
            return -1;
        }
        int n = Math.min(length, text.length() - at);
        text.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }

    @Override
    public void close() {
        // nothing held
    }
}
