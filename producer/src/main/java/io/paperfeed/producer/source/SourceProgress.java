package io.paperfeed.producer.source;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One fetch of one source, as the publisher goes through its items: which were published before
 * (skip them) and which this fetch held, for {@link Checkpoint#commit} once the producer's flush
 * has succeeded. Only the published set of earlier fetches counts, not this fetch's own items, so
 * an item that occurs twice in one document is published twice, as it was read.
 */
public final class SourceProgress {

    private final String source;
    private final Set<String> published;
    private final Set<String> seen = new LinkedHashSet<>();
    private Validators validators;
    private Map<String, String> cursor;

    SourceProgress(String source, Set<String> published) {
        this.source = Objects.requireNonNull(source, "source");
        this.published = Collections.unmodifiableSet(published);
    }

    public String source() {
        return source;
    }

    /** Records the item's digest as part of this fetch; true when no earlier fetch published it. */
    public boolean isNew(String digest) {
        seen.add(digest);
        return !published.contains(digest);
    }

    /** The validators to remember for the source's next fetch; null keeps the ones remembered. */
    public void validators(Validators next) {
        this.validators = next;
    }

    Validators validators() {
        return validators;
    }

    /** The cursor to remember for the source's next fetch ({@link Fetch#cursor()}); null keeps the one remembered. */
    public void cursor(Map<String, String> next) {
        this.cursor = next;
    }

    Map<String, String> cursor() {
        return cursor;
    }

    Set<String> seen() {
        return Collections.unmodifiableSet(seen);
    }
}
