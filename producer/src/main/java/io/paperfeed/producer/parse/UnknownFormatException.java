package io.paperfeed.producer.parse;

import java.util.List;

/** A source that matches none of the known feed formats. */
public final class UnknownFormatException extends Exception {

    public UnknownFormatException(String source, List<String> formatsTried) {
        super(source + ": not a known feed format (tried " + String.join(", ", formatsTried) + ")");
    }
}
