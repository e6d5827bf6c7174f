package io.paperfeed.producer.source;

import java.util.Objects;

/**
 * A document a source holds but could not deliver: a file that cannot be read, or a document over
 * the size limit. The publisher turns each into one invalid item, so nothing is dropped silently.
 *
 * @param document the file path or URL
 * @param reason   {@link #UNREADABLE_FILE} or {@link #TOO_LARGE}
 * @param detail   one line naming the document and what went wrong
 */
public record FetchProblem(String document, String reason, String detail) {

    /** The document could not be read (permissions, I/O error). */
    public static final String UNREADABLE_FILE = "unreadable-file";
    /** The document is larger than the limit; it was not read (file) or was cut off (HTTP body). */
    public static final String TOO_LARGE = "too-large";

    public FetchProblem {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
