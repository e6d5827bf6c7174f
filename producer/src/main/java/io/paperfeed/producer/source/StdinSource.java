package io.paperfeed.producer.source;

import io.paperfeed.producer.parse.FeedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Standard input ({@code -} on the command line) as one document named {@code stdin}. It can be read
 * once: a second fetch finds it at its end and yields an empty document, which is no format.
 */
public final class StdinSource implements FeedSource {

    /** The name of the document read from standard input. */
    public static final String NAME = "stdin";

    private final InputStream in;
    private final long maxBytes;
    private final Clock clock;

    public StdinSource(InputStream in, Clock clock) {
        this(in, FeedReader.MAX_FILE_BYTES, clock);
    }

    StdinSource(InputStream in, long maxBytes, Clock clock) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fetch fetch(Validators known) {
        Instant at = clock.instant();
        try {
            byte[] content = BoundedBytes.read(in, NAME, maxBytes);
            return Fetch.ok(NAME, at, List.of(new FeedDocument(NAME, content, at)), List.of(), Validators.NONE, 1);
        } catch (BoundedBytes.TooLargeException e) {
            return Fetch.ok(NAME, at, List.of(), List.of(new FetchProblem(NAME, FetchProblem.TOO_LARGE, e.getMessage())),
                    Validators.NONE, 1);
        } catch (IOException e) {
            return Fetch.failed(NAME, at, "stdin: cannot be read: " + e.getMessage(), 1);
        }
    }
}
