package io.paperfeed.producer.source;

import java.time.Instant;
import java.util.Objects;

/**
 * One document a source fetched, as bytes (gzip-compressed or not; the reader detects it).
 *
 * @param name      the document's name in provenance and item keys: a file path, a URL or {@code stdin}
 * @param fetchedAt when the document was read
 */
public record FeedDocument(String name, byte[] content, Instant fetchedAt) {

    public FeedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
