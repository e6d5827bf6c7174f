package io.paperfeed.consumer.atom;

import java.time.Instant;
import java.util.List;

/**
 * A feed's entries as of one moment, newest first.
 *
 * @param version      changes whenever an entry is added or replaced (rendered documents are cached by it)
 * @param lastModified when an entry was last added or replaced; null for a feed that never had one
 */
public record FeedSnapshot(String key, List<FeedEntry> entries, long version, Instant lastModified) {

    public FeedSnapshot {
        entries = List.copyOf(entries);
    }

    /** A feed with nothing in it yet. */
    static FeedSnapshot empty(String key) {
        return new FeedSnapshot(key, List.of(), 0, null);
    }
}
