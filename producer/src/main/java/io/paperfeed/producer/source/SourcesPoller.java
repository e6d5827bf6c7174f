package io.paperfeed.producer.source;

import io.paperfeed.producer.FeedPublisher;
import io.paperfeed.producer.ProducerMetrics;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.producer.parse.FeedPaging;
import io.paperfeed.producer.parse.FeedReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the sources of a sources file, each at its own interval: a source is due when its interval
 * has passed since its last poll ended (at once on start); each due source is fetched, published
 * and checkpointed by the {@link FeedPublisher} on its own, so one source's trouble does not hold
 * the others back, and a source whose poll failed waits its interval like any other. Runs in a
 * {@link PollLoop} that sleeps until the next source is due.
 */
public final class SourcesPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourcesPoller.class);

    private final Map<PagedSource, Instant> due = new LinkedHashMap<>();
    private final FeedPublisher publisher;
    private final Checkpoint checkpoint;
    private final Clock clock;
    private final Consumer<PublishReport> reports;
    private PollLoop loop;
    private boolean closed;

    /**
     * @param reports receives the report of every source's poll (the command prints it)
     */
    public SourcesPoller(List<PagedSource> sources, FeedPublisher publisher, Checkpoint checkpoint, Clock clock,
                         Consumer<PublishReport> reports) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources to poll");
        }
        Instant now = clock.instant();
        sources.forEach(s -> due.put(s, now));
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /**
     * The file's sources, fetched through one fetcher with the file's per-host gaps, and their pages
     * read for paging with the reader; each source's interval recorded on the metrics.
     */
    public static List<PagedSource> sources(SourcesFile file, HttpFetcher fetcher, FeedReader reader,
                                            ProducerMetrics metrics, Clock clock) {
        Function<FeedDocument, FeedPaging> pager = PagedSource.pagingBy(reader);
        List<PagedSource> out = new ArrayList<>();
        for (SourceSpec spec : file.sources()) {
            metrics.pollInterval(spec.name(), spec.interval());
            out.add(new PagedSource(spec, fetcher, pager, clock));
        }
        return out;
    }

    /**
     * Polls every source that is due now, in file order, and returns their reports.
     *
     * @throws InterruptedException when interrupted; the sources not yet polled stay due
     */
    public List<PublishReport> pollDue() throws InterruptedException {
        List<PublishReport> done = new ArrayList<>();
        for (Map.Entry<PagedSource, Instant> source : due.entrySet()) {
            if (source.getValue().isAfter(clock.instant())) {
                continue;
            }
            try {
                PublishReport report = publisher.publish(List.of(source.getKey()), checkpoint);
                reports.accept(report);
                done.add(report);
            } catch (RuntimeException e) {
                log.error("{}: publishing failed, next poll in {}: {}", source.getKey().name(),
                        source.getKey().spec().interval(), e.toString());
                log.debug("publish failure", e);
            } finally {
                source.setValue(clock.instant().plus(source.getKey().spec().interval()));
            }
        }
        return done;
    }

    /** How long until the next source is due (zero when one is due now). */
    public Duration untilNextDue() {
        Instant now = clock.instant();
        Instant next = due.values().stream().min(Instant::compareTo).orElse(now);
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /** Polls every source once, as {@code --once} does. */
    public List<PublishReport> pollAllOnce() throws InterruptedException {
        due.replaceAll((s, at) -> Instant.MIN);
        return pollDue();
    }

    /** Polls until closed (from another thread, or by the lifecycle); returns then. */
    public void run() {
        PollLoop l;
        synchronized (this) {
            if (loop != null) {
                throw new IllegalStateException("already running");
            }
            if (closed) {
                return;
            }
            loop = l = new PollLoop(this::untilNextDue, this::pollDue);
        }
        l.run();
    }

    @Override
    public void close() {
        PollLoop l;
        synchronized (this) {
            closed = true;
            l = loop;
        }
        if (l != null) {
            l.close();
        }
    }
}
