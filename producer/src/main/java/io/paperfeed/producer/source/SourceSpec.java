package io.paperfeed.producer.source;

import java.time.Duration;
import java.util.Objects;

/**
 * One source of a sources file ({@link SourcesFile}): what to fetch, how often, and how far to
 * follow its pages.
 *
 * @param name         the source's name: checkpoint key and {@code source} tag of the metrics
 * @param url          the URL of every page; {@code {cursor}} is {@code firstCursor} on the first page
 * @param nextUrl      the URL of the pages after the first, when they are asked for differently
 *                     (OAI-PMH: only the resumption token), else null
 * @param firstCursor  what {@code {cursor}} is on the first page ({@code 0} for offsets, {@code *} for
 *                     Crossref's and OpenAlex's cursors)
 * @param interval     the pause between the end of one poll of the source and the start of the next
 * @param lookbackDays how many days before today the first poll's window starts ({@code {from}});
 *                     later polls go on from the last complete one's {@code {until}}
 * @param maxPages     the most pages one poll follows; a poll that stops there is incomplete
 */
public record SourceSpec(String name, UrlTemplate url, UrlTemplate nextUrl, String firstCursor, Duration interval,
                         int lookbackDays, int maxPages) {

    /** Pages followed per poll when the file says nothing. */
    public static final int DEFAULT_MAX_PAGES = 20;
    /** The most pages a file may allow per poll. */
    public static final int MAX_PAGES = 10_000;

    public SourceSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(firstCursor, "firstCursor");
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException(name + ": interval must be positive");
        }
        if (lookbackDays < 0) {
            throw new IllegalArgumentException(name + ": lookback must not be negative");
        }
        if (maxPages < 1 || maxPages > MAX_PAGES) {
            throw new IllegalArgumentException(name + ": max-pages must be 1 to " + MAX_PAGES + ", was " + maxPages);
        }
    }

    /** The template of page {@code n} (1-based). */
    UrlTemplate page(int n) {
        return n > 1 && nextUrl != null ? nextUrl : url;
    }
}
