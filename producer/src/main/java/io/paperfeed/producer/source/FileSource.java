package io.paperfeed.producer.source;

import io.paperfeed.producer.parse.FeedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local file, or a folder read recursively: one document per regular file, in sorted path
 * order, hidden files and folders skipped ({@link FeedReader#expand}). A path that does not exist
 * fails the fetch; a file that cannot be read, or is over the size limit, is a {@link FetchProblem}
 * and the other files still come.
 */
public final class FileSource implements FeedSource {

    private final Path path;
    private final String name;
    private final long maxBytes;
    private final Clock clock;

    /** A file or folder, read with the reader's size limit. */
    public FileSource(Path path, Clock clock) {
        this(path, path.toString(), FeedReader.MAX_FILE_BYTES, clock);
    }

    FileSource(Path path, String name, long maxBytes, Clock clock) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = Objects.requireNonNull(name, "name");
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Fetch fetch(Validators known) {
        Instant at = clock.instant();
        List<Path> files;
        try {
            files = FeedReader.expand(List.of(path));
        } catch (NoSuchFileException e) {
            return Fetch.failed(name, at, path + ": no such file or folder", 1);
        } catch (IOException | UncheckedIOException e) {
            return Fetch.failed(name, at, path + ": cannot be read: " + e.getMessage(), 1);
        }
        List<FeedDocument> documents = new ArrayList<>();
        List<FetchProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                documents.add(new FeedDocument(file.toString(), BoundedBytes.read(file, maxBytes), clock.instant()));
            } catch (BoundedBytes.TooLargeException e) {
                problems.add(new FetchProblem(file.toString(), FetchProblem.TOO_LARGE, e.getMessage()));
            } catch (IOException e) {
                problems.add(new FetchProblem(file.toString(), FetchProblem.UNREADABLE_FILE,
                        file + ": cannot be read: " + e));
            }
        }
        return Fetch.ok(name, at, documents, problems, Validators.NONE, 1);
    }
}
