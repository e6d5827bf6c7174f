package io.paperfeed.producer.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feed file: detects its format from the content (or uses a forced one) and parses every
 * item, each into a paper or an invalid item. Gzip-compressed files are recognised by their magic
 * bytes. Instances are immutable and thread-safe.
 *
 * <p>Format names: {@code arxiv-atom-api}, {@code arxiv-rss}, {@code oai-pmh}, {@code journal-rss},
 * {@code crossref-works}, {@code openalex-works}, {@code semantic-scholar}, {@code biorxiv-details},
 * {@code hf-daily-papers-api}, {@code paper-event-jsonl},
 * {@code arxiv-daily-jsonl}, {@code arxiv-author-listing}, {@code aggregator-author-page},
 * {@code hf-daily-papers}, {@code arxiv-listing-abstracts}; see the package documentation for each.
 */
public final class FeedReader {

    /** The longest abstract (in characters, after whitespace is collapsed) taken as a paper's. */
    public static final int MAX_ABSTRACT_CHARS = 20_000;

    /** The longest title, comment, DOI, date, author name or category (characters, whitespace collapsed). */
    public static final int MAX_FIELD_CHARS = 10_000;

    /** The most authors (and categories) one paper may have. */
    public static final int MAX_AUTHORS = 10_000;

    /** The most items read from one feed; the first item past it becomes one {@code too-many-items} invalid item. */
    public static final int MAX_ITEMS = 100_000;

    /** The largest feed read, in bytes, compressed and uncompressed: 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final FeedFormat forced;
    private final Clock clock;

    /** A reader that detects each file's format from its content. */
    public FeedReader() {
        this(null, Clock.systemUTC());
    }

    /**
     * A reader that parses every file as the given format, without detection.
     *
     * @param forcedFormat a format name, or null to detect
     * @throws IllegalArgumentException for an unknown format name
     */
    public FeedReader(String forcedFormat) {
        this(forcedFormat, Clock.systemUTC());
    }

    /** As {@link #FeedReader(String)}, stamping invalid items with the given clock. */
    FeedReader(String forcedFormat, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (forcedFormat == null) {
            this.forced = null;
        } else {
            this.forced = FormatDetector.byName(forcedFormat).orElseThrow(() -> new IllegalArgumentException(
                    "unknown format '" + forcedFormat + "', known: " + String.join(", ", formats())));
        }
    }

    /** Every known format name, in detection order. */
    public static List<String> formats() {
        return FormatDetector.names();
    }

    /** Regular files of the given paths, folders expanded (sorted; hidden and YAML files skipped). */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !hidden(input.relativize(p)))
                            .filter(p -> !configuration(p))
                            .sorted()
                            .forEach(out::add);
                }
            } else if (Files.isRegularFile(input)) {
                out.add(input);
            } else if (Files.exists(input)) {
                throw new IOException(input + ": not a regular file or folder");
            } else {
                throw new NoSuchFileException(input.toString());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * YAML files in a feed folder are configuration beside the feeds (the taxonomy
     * {@code seeds/topics.yaml}), not feeds: a folder's expansion leaves them out. Named on their
     * own, they are read like any other file.
     */
    private static boolean configuration(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** True when any name of the path (below the folder given) starts with a dot. */
    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Parses one file (gzip-compressed files too), detecting its format from the content. */
    public ParseResult read(Path path, Instant fetchedAt) throws IOException, UnknownFormatException {
        return read(path.toString(), FeedBytes.read(path, MAX_FILE_BYTES), fetchedAt);
    }

    /**
     * Parses one feed held in memory (gzip-compressed too).
     *
     * @param source names the feed in provenance and errors (a file path or URL)
     * @throws IOException            when the feed is over {@link #MAX_FILE_BYTES} or its gzip data is corrupt
     * @throws UnknownFormatException when no format matches (and none is forced)
     */
    public ParseResult read(String source, byte[] content, Instant fetchedAt) throws IOException, UnknownFormatException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        FeedText text = FeedText.of(FeedBytes.decode(FeedBytes.uncompressed(content, source, MAX_FILE_BYTES)));
        FeedFormat format = forced != null ? forced
                : FormatDetector.detect(text).orElseThrow(() -> new UnknownFormatException(source, formats()));
        ResultCollector out = new ResultCollector(source, format.name(), fetchedAt, clock);
        format.parse(text, out);
        ParseResult result = out.result();
        log.info("{}: {} ({}): {} papers, {} invalid", source, format.name(),
                forced != null ? "forced" : "detected", result.papers().size(), result.invalid().size());
        return result;
    }
}
