package io.paperfeed.producer.source;

import io.paperfeed.producer.parse.FeedPaging;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source of a sources file ({@link SourceSpec}): one poll fetches the pages of the source's
 * current date window through the shared {@link HttpFetcher}, following the paging each page gives
 * ({@link FeedPaging}: its next cursor, else its next start index, as {@code {cursor}}) up to the
 * spec's page limit.
 *
 * <p>The window runs from the cursor's {@code from} (on the first poll, {@code lookback} days
 * before today, UTC) to today. Once every page of a window is read and published, the checkpoint
 * remembers today as the next {@code from}: the last day is read again (items are digested under
 * the source's name, not the page URL, so what was published is skipped). A poll that stops early
 * (the page limit, a page that fails after its retries, a page naming itself as next, a next page
 * the URL template cannot ask for) publishes what it read, keeps the window and drops the first
 * page's validators, so the next poll reads the window again from its first page. The first page
 * is fetched conditionally when the validators belong to its URL; later pages never are.
 */
public final class PagedSource implements FeedSource {

    private static final Logger log = LoggerFactory.getLogger(PagedSource.class);
    static final String FROM = "from";
    static final String URL = "url";

    private final SourceSpec spec;
    private final HttpFetcher fetcher;
    private final Function<FeedDocument, FeedPaging> pager;
    private final Clock clock;

    /**
     * @param pager the paging of a fetched page (null when it gives none), as the publisher will read it
     */
    public PagedSource(SourceSpec spec, HttpFetcher fetcher, Function<FeedDocument, FeedPaging> pager, Clock clock) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.pager = Objects.requireNonNull(pager, "pager");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The paging of a page as the reader reads it; null for a page in no known format or unreadable
     * (the publisher reports it), which ends the poll there. Each page is read twice, here and by
     * the publisher: the price of keeping fetching and publishing apart.
     */
    public static Function<FeedDocument, FeedPaging> pagingBy(FeedReader reader) {
        return document -> {
            try {
                return reader.read(document.name(), document.content(), document.fetchedAt()).paging();
            } catch (IOException | UnknownFormatException e) {
                return null;
            }
        };
    }

    @Override
    public String name() {
        return spec.name();
    }

    /** The spec this source polls. */
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public Fetch fetch(Validators known) throws InterruptedException {
        return fetch(known, Map.of());
    }

    @Override
    public Fetch fetch(Validators known, Map<String, String> cursor) throws InterruptedException {
        LocalDate until = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = from(cursor.get(FROM), until);
        String fromText = from.toString();
        String untilText = until.toString();
        URI first = spec.page(1).expand(fromText, untilText, spec.firstCursor());
        Validators conditional = first.toString().equals(cursor.get(URL)) ? known : Validators.NONE;
        Fetch page = fetcher.fetch(first.toString(), first, conditional);
        if (page.status() != Fetch.Status.OK) {
            return rename(page);
        }
        Validators firstValidators = page.validators();
        List<FeedDocument> documents = new ArrayList<>();
        List<FetchProblem> problems = new ArrayList<>();
        Set<String> asked = new HashSet<>(Set.of(first.toString()));
        int attempts = 0;
        String stopped = null;
        for (int n = 1; ; n++) {
            attempts += page.attempts();
            problems.addAll(page.problems());
            FeedPaging paging = null;
            for (FeedDocument d : page.documents()) {
                FeedDocument named = new FeedDocument(d.name(), d.content(), d.fetchedAt(), spec.name());
                documents.add(named);
                paging = pager.apply(named);
            }
            String next = paging == null ? null : paging.nextCursor() != null ? paging.nextCursor()
                    : paging.nextStartIndex() == null ? null : String.valueOf(paging.nextStartIndex());
            if (next == null) {
                break;
            }
            if (n >= spec.maxPages()) {
                stopped = "page-limit: stopped after " + n + " pages, more follow"
                        + (paging.totalResults() == null ? "" : " (" + paging.totalResults() + " results in all)");
                break;
            }
            if (!spec.page(n + 1).has("cursor")) {
                stopped = "no-cursor: page " + n + " names a next page, but the url has no {cursor} to ask for it";
                break;
            }
            URI nextUri = spec.page(n + 1).expand(fromText, untilText, next);
            if (!asked.add(nextUri.toString())) {
                stopped = "page-loop: page " + n + " names an earlier page as next: " + nextUri;
                break;
            }
            page = fetcher.fetch(nextUri.toString(), nextUri, Validators.NONE);
            if (page.status() == Fetch.Status.FAILED) {
                attempts += page.attempts();
                stopped = "page-failed: page " + (n + 1) + ": " + page.error();
                break;
            }
            if (page.status() == Fetch.Status.NOT_MODIFIED) {
                break; // an unconditional request answered 304: nothing more to read
            }
        }
        if (stopped != null) {
            log.debug("{}: window {} to {}: {}", spec.name(), fromText, untilText, stopped);
        }
        Map<String, String> next = stopped == null ? Map.of(FROM, untilText, URL, first.toString()) : Map.of(FROM, fromText);
        Validators validators = stopped == null ? firstValidators : Validators.NONE;
        return Fetch.ok(spec.name(), documents.isEmpty() ? clock.instant() : documents.get(0).fetchedAt(), documents,
                problems, validators, Math.max(1, attempts)).paged(next, stopped);
    }

    /** The window's start: the cursor's date, else lookback days before today; never after today. */
    private LocalDate from(String remembered, LocalDate today) {
        if (remembered != null) {
            try {
                LocalDate d = LocalDate.parse(remembered);
                return d.isAfter(today) ? today : d;
            } catch (DateTimeParseException e) {
                log.warn("{}: the remembered window start '{}' is no date; starting {} days back", spec.name(),
                        remembered, spec.lookbackDays());
            }
        }
        return today.minusDays(spec.lookbackDays());
    }

    /** A fetch of the first page under the source's name. */
    private Fetch rename(Fetch page) {
        return new Fetch(spec.name(), page.status(), page.at(), page.documents(), page.problems(), page.validators(),
                page.attempts(), page.error());
    }
}
