package io.paperfeed.producer.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one fetch of a source gave.
 *
 * @param source     the source's name ({@link FeedSource#name()})
 * @param status     {@link Status#OK}: documents and problems; {@link Status#NOT_MODIFIED}: nothing new
 *                   (HTTP 304); {@link Status#FAILED}: the source could not be read at all
 * @param at         when the fetch was made
 * @param validators what to send next time (HTTP sources), else {@link Validators#NONE}
 * @param attempts   requests made (more than 1 when retried); 1 for local sources
 * @param error      one line saying why, when {@link Status#FAILED}; else null
 */
public record Fetch(String source, Status status, Instant at, List<FeedDocument> documents,
                    List<FetchProblem> problems, Validators validators, int attempts, String error) {

    /** The three ways a fetch ends. */
    public enum Status { OK, NOT_MODIFIED, FAILED }

    public Fetch {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        validators = validators == null ? Validators.NONE : validators;
        if ((status == Status.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error message goes with FAILED, and only with it");
        }
    }

    /** A successful fetch. */
    public static Fetch ok(String source, Instant at, List<FeedDocument> documents, List<FetchProblem> problems,
                           Validators validators, int attempts) {
        return new Fetch(source, Status.OK, at, documents, problems, validators, attempts, null);
    }

    /** A conditional request the server answered with 304 Not Modified. */
    public static Fetch notModified(String source, Instant at, Validators validators, int attempts) {
        return new Fetch(source, Status.NOT_MODIFIED, at, List.of(), List.of(), validators, attempts, null);
    }

    /** A source that could not be read: missing, or every attempt failed. */
    public static Fetch failed(String source, Instant at, String error, int attempts) {
        return new Fetch(source, Status.FAILED, at, List.of(), List.of(), Validators.NONE, attempts, error);
    }
}
