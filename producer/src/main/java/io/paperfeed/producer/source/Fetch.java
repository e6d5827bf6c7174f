package io.paperfeed.producer.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param cursor     where the source is to go on next time ({@link PagedSource}: the next date
 *                   window), remembered by the checkpoint once the fetch is published; null keeps
 *                   what is remembered
 * @param incomplete why a paged source stopped before the last page (a page limit, a page that
 *                   failed), or null when it read every page
 */
public record Fetch(String source, Status status, Instant at, List<FeedDocument> documents,
                    List<FetchProblem> problems, Validators validators, int attempts, String error,
                    Map<String, String> cursor, String incomplete) {

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
        cursor = cursor == null ? null : Map.copyOf(cursor);
    }

    /** A fetch of a source that neither pages nor keeps a cursor. */
    public Fetch(String source, Status status, Instant at, List<FeedDocument> documents, List<FetchProblem> problems,
                 Validators validators, int attempts, String error) {
        this(source, status, at, documents, problems, validators, attempts, error, null, null);
    }

    /** This fetch with a cursor to remember and, when it stopped early, why. */
    public Fetch paged(Map<String, String> next, String stoppedEarly) {
        return new Fetch(source, status, at, documents, problems, validators, attempts, error, next, stoppedEarly);
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
