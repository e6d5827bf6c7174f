package io.paperfeed.producer.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Reads a feed file: detects its format from the content and parses every item. */
public final class FeedReader {

    /** Regular files of the given paths, folders expanded (sorted, hidden files skipped). */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        throw new UnsupportedOperationException("being written");
    }

    /** Parses one file (gzip-compressed files too), detecting its format from the content. */
    public ParseResult read(Path path, Instant fetchedAt) throws IOException, UnknownFormatException {
        throw new UnsupportedOperationException("being written");
    }
}
