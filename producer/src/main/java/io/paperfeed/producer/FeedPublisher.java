package io.paperfeed.producer;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.producer.PublishReport.SourceStatus;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.parse.ParseResult;
import io.paperfeed.producer.parse.UnknownFormatException;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedDocument;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.Fetch;
import io.paperfeed.producer.source.FetchProblem;
import io.paperfeed.producer.source.FileSource;
import io.paperfeed.producer.source.ItemDigest;
import io.paperfeed.producer.source.SourceProgress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feed sources, parses their documents and publishes every item: papers to
 * {@code paperfeed.papers.raw}, items that cannot be papers to {@code paperfeed.papers.invalid}. A
 * document in no known format, unreadable or too large is reported as one invalid item too, so
 * nothing is dropped silently. Items a {@link Checkpoint} says were published are skipped; the
 * checkpoint is committed and saved only after every record of the run is acknowledged.
 */
public final class FeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);
    static final String REASON_UNKNOWN_FORMAT = "unknown-format";
    static final String REASON_UNREADABLE_FILE = FetchProblem.UNREADABLE_FILE;
    private static final String UNKNOWN = "unknown";
    /** Every format a source's items can be counted under, registered at 0 before its first fetch. */
    private static final List<String> FORMATS_AND_UNKNOWN = Stream.concat(FeedReader.formats().stream(),
            Stream.of(UNKNOWN)).toList();

    private final Producer<String, byte[]> producer;
    private final FeedReader reader;
    private final ProducerMetrics metrics;
    private final Clock clock;

    public FeedPublisher(Producer<String, byte[]> producer, FeedReader reader, ProducerMetrics metrics, Clock clock) {
        this.producer = producer;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Publishes every item of the files and folders once, remembering nothing, and flushes.
     *
     * @throws IOException when an input does not exist or a folder cannot be listed
     */
    public PublishReport publish(List<Path> inputs) throws IOException {
        FeedReader.expand(inputs); // fails fast, naming the input
        List<FeedSource> sources = inputs.stream().<FeedSource>map(p -> new FileSource(p, clock)).toList();
        try {
            return publish(sources, Checkpoint.inMemory());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while publishing");
        }
    }

    /**
     * Fetches every source, publishes what the checkpoint does not know yet, flushes, then commits and
     * saves the checkpoint. A source that cannot be fetched is reported and counted; the others publish.
     *
     * @throws KafkaException when a record was not acknowledged; the checkpoint is then left as it was
     * @throws InterruptedException when interrupted while fetching
     */
    public PublishReport publish(List<FeedSource> sources, Checkpoint checkpoint) throws InterruptedException {
        Run run = new Run();
        for (FeedSource source : sources) {
            publishSource(source, checkpoint, run);
        }
        producer.flush();
        Exception failure = run.failure.get();
        if (failure != null) {
            throw new KafkaException("could not publish every item: " + failure.getMessage(), failure);
        }
        run.progress.forEach(checkpoint::commit);
        save(checkpoint);
        return new PublishReport(run.files, run.keys, run.statuses);
    }

    private void publishSource(FeedSource source, Checkpoint checkpoint, Run run) throws InterruptedException {
        String name = source.name();
        run.source = name;
        metrics.source(name, FORMATS_AND_UNKNOWN);
        Fetch fetch = source.fetch(checkpoint.validators(name), checkpoint.cursor(name));
        if (fetch.status() == Fetch.Status.FAILED) {
            log.warn("fetch failed: {}", fetch.error());
            metrics.fetched(name, ProducerMetrics.ERROR, fetch.attempts(), null);
            run.statuses.add(new SourceStatus(name, ProducerMetrics.ERROR, fetch.error()));
            return;
        }
        SourceProgress progress = checkpoint.begin(name);
        progress.validators(fetch.validators());
        progress.cursor(fetch.cursor());
        run.progress.add(progress);
        if (fetch.incomplete() != null) {
            log.warn("{}: read {} page(s), not every one: {}", name, fetch.documents().size(), fetch.incomplete());
        }
        metrics.pages(name, fetch.documents().size(), fetch.incomplete());
        if (fetch.status() == Fetch.Status.NOT_MODIFIED) {
            metrics.fetched(name, ProducerMetrics.NOT_MODIFIED, fetch.attempts(), fetch.at());
            run.statuses.add(new SourceStatus(name, ProducerMetrics.NOT_MODIFIED, null));
            return;
        }
        int published = 0;
        for (FetchProblem problem : fetch.problems()) {
            published += run.add(wholeDocumentInvalid(problem.document(), fetch.at(), problem.reason(),
                    problem.detail(), progress, run));
        }
        for (FeedDocument document : fetch.documents()) {
            published += run.add(publishDocument(document, progress, run));
        }
        String outcome = published > 0 ? ProducerMetrics.OK : ProducerMetrics.EMPTY;
        metrics.fetched(name, outcome, fetch.attempts(), fetch.at());
        run.statuses.add(new SourceStatus(name, outcome, null));
    }

    private FileReport publishDocument(FeedDocument document, SourceProgress progress, Run run) {
        String name = document.name();
        String identity = document.identity();
        ParseResult result;
        try {
            result = reader.read(name, document.content(), document.fetchedAt());
        } catch (UnknownFormatException e) {
            metrics.bytes(UNKNOWN, document.content().length);
            return wholeDocumentInvalid(name, document.fetchedAt(), REASON_UNKNOWN_FORMAT, e.getMessage(), progress, run);
        } catch (IOException e) {
            metrics.bytes(UNKNOWN, document.content().length);
            return wholeDocumentInvalid(name, document.fetchedAt(), REASON_UNREADABLE_FILE, e.getMessage(), progress, run);
        }
        String format = result.format();
        metrics.bytes(format, document.content().length);
        int papers = 0;
        int invalid = 0;
        int skipped = 0;
        for (PaperEvent paper : result.papers()) {
            if (progress.isNew(ItemDigest.of(identity, paper))) {
                send(Topics.PAPERS_RAW, paper.itemKey(), paper, run);
                metrics.published(run.source, format);
                papers++;
            } else {
                metrics.skipped(run.source, format);
                skipped++;
            }
        }
        for (InvalidItem item : result.invalid()) {
            if (progress.isNew(ItemDigest.of(identity, item))) {
                send(Topics.PAPERS_INVALID, item.source().itemKey(), item, run);
                metrics.invalid(run.source, format, item.reason());
                invalid++;
            } else {
                metrics.skipped(run.source, format);
                skipped++;
            }
        }
        return new FileReport(name, format, papers, invalid, skipped, null);
    }

    private FileReport wholeDocumentInvalid(String document, Instant at, String reason, String message,
                                            SourceProgress progress, Run run) {
        InvalidItem item = new InvalidItem(reason, message, "producer", new Provenance(document, UNKNOWN, 1, at), "", at);
        if (!progress.isNew(ItemDigest.of(document, item))) {
            metrics.skipped(run.source, UNKNOWN);
            return new FileReport(document, UNKNOWN, 0, 0, 1, message);
        }
        log.warn("{}", message);
        send(Topics.PAPERS_INVALID, item.source().itemKey(), item, run);
        metrics.invalid(run.source, UNKNOWN, reason);
        return new FileReport(document, UNKNOWN, 0, 1, message);
    }

    private <V> void send(Topic<String, V> topic, String key, V value, Run run) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes), (metadata, e) -> {
            if (e != null && run.failure.compareAndSet(null, e)) {
                log.error("failed to publish {} to {} (further failures of this run at DEBUG): {}", key, topic.name(),
                        e.toString());
            } else if (e != null) {
                log.debug("failed to publish {} to {}: {}", key, topic.name(), e.toString());
            }
        });
        run.keys.add(key);
    }

    private void save(Checkpoint checkpoint) {
        try {
            if (checkpoint.save()) {
                log.debug("checkpoint written to {}", checkpoint.file().orElseThrow());
            }
        } catch (IOException e) {
            metrics.checkpointFailed();
            log.error("could not write the checkpoint {}: {}; this run's items will be published again after a restart",
                    checkpoint.file().map(Path::toString).orElse(""), e.toString());
        }
    }

    /** What one publish run has done so far. */
    private static final class Run {
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final List<FileReport> files = new ArrayList<>();
        final Set<String> keys = new LinkedHashSet<>();
        final List<SourceStatus> statuses = new ArrayList<>();
        final List<SourceProgress> progress = new ArrayList<>();
        /** The configured source being published: the {@code source} tag of the item counters. */
        String source = UNKNOWN;

        /** Adds a document's report; returns the items it published. */
        int add(FileReport report) {
            files.add(report);
            return report.papers() + report.invalid();
        }
    }
}
