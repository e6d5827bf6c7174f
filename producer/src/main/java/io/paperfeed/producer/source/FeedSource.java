package io.paperfeed.producer.source;

/**
 * Somewhere feed documents come from: a file, a folder, stdin or an HTTP(S) URL. Each call of
 * {@link #fetch} reads the source afresh; a source never throws for a source-level failure (a
 * missing path, an HTTP error after its retries) but returns a {@link Fetch} that says so.
 */
public interface FeedSource {

    /** The source as configured (path, URL or {@code stdin}): the checkpoint key and the metric tag. */
    String name();

    /**
     * Reads the source now.
     *
     * @param known what the last successful fetch of this source left (ETag, Last-Modified), or
     *              {@link Validators#NONE}; sources that cannot use them ignore them
     * @throws InterruptedException when the thread is interrupted while waiting (rate limit, retry, response)
     */
    Fetch fetch(Validators known) throws InterruptedException;

    /**
     * Reads the source now, given also the cursor its last published fetch left
     * ({@link Fetch#cursor()}; empty when none). Sources without a cursor ignore it.
     */
    default Fetch fetch(Validators known, java.util.Map<String, String> cursor) throws InterruptedException {
        return fetch(known);
    }
}
