package io.paperfeed.producer.source;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns input specs as a user writes them into sources: {@code -} is stdin, {@code http://} and
 * {@code https://} are URLs (all fetched through one {@link HttpFetcher}, created when first
 * needed), anything else is a file or folder path.
 */
public final class FeedSources {

    /** The spec that means standard input. */
    public static final String STDIN = "-";

    private final Supplier<HttpFetcher> http;
    private final InputStream stdin;
    private final Clock clock;
    private HttpFetcher fetcher;

    /**
     * @param http  makes the fetcher for URL specs; called at most once
     * @param stdin what {@code -} reads
     */
    public FeedSources(Supplier<HttpFetcher> http, InputStream stdin, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Production settings: {@link HttpFetcher#standard}. */
    public static FeedSources standard(InputStream stdin, Clock clock) {
        return new FeedSources(() -> HttpFetcher.standard(clock), stdin, clock);
    }

    /** True for an {@code http://} or {@code https://} spec. */
    public static boolean isUrl(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * The source a spec names.
     *
     * @throws IllegalArgumentException for a malformed URL
     */
    public FeedSource of(String spec) {
        if (spec.equals(STDIN)) {
            return new StdinSource(stdin, clock);
        }
        if (isUrl(spec)) {
            return new HttpSource(spec.strip(), fetcher());
        }
        return new FileSource(Path.of(spec), clock);
    }

    /** One source per spec, in order. */
    public List<FeedSource> of(List<String> specs) {
        return specs.stream().map(this::of).toList();
    }

    private synchronized HttpFetcher fetcher() {
        if (fetcher == null) {
            fetcher = http.get();
        }
        return fetcher;
    }
}
