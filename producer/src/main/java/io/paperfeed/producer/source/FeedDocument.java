package io.paperfeed.producer.source;

import java.time.Instant;
import java.util.Objects;

/**
 * One document a source fetched, as bytes (gzip-compressed or not; the reader detects it).
 *
 * @param name      the document's name in provenance and item keys: a file path, a URL or {@code stdin}
 * @param fetchedAt when the document was read
 * @param identity  the name the checkpoint digests its items under ({@link ItemDigest}): the name,
 *                  or for the pages of a {@link PagedSource} the source's, so that an item moving
 *                  to another page or date window is not new
 */
public record FeedDocument(String name, byte[] content, Instant fetchedAt, String identity) {

    public FeedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        identity = identity == null ? name : identity;
    }

    /** A document that is its own identity. */
    public FeedDocument(String name, byte[] content, Instant fetchedAt) {
        this(name, content, fetchedAt, null);
    }
}
