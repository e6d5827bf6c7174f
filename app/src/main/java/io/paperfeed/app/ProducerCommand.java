package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.pipeline.Publishing;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.paperfeed.producer.FeedPublisher;
import io.paperfeed.producer.FileReport;
import io.paperfeed.producer.ProducerMetrics;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.producer.parse.FeedReader;
import io.paperfeed.producer.source.Checkpoint;
import io.paperfeed.producer.source.FeedSource;
import io.paperfeed.producer.source.FeedSources;
import io.paperfeed.producer.source.HttpFetcher;
import io.paperfeed.producer.source.PagedSource;
import io.paperfeed.producer.source.RetryPolicy;
import io.paperfeed.producer.source.SourcesFile;
import io.paperfeed.producer.source.SourcesPoller;
import io.paperfeed.producer.source.PollInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code paperfeed producer}: publishes feed files, folders, stdin or URLs to an external Kafka, once or polling. */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = {"Publish feeds (files, folders, http(s) URLs, - for stdin) to Kafka: once, then serve /metrics "
                + "until stopped (or exit with --once); or, with --poll, again every INTERVAL until stopped; or, with "
                + "--sources FILE, poll the file's sources each at its own interval.",
                "A checkpoint remembers what was published, so a restart does not publish it again."})
final class ProducerCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Option(names = "--input", paramLabel = "PATH_OR_URL", split = ",", defaultValue = "seeds",
            description = "Feed files, folders, http(s) URLs, or - for stdin (env PAPERFEED_INPUT, comma-separated; "
                    + "default ${DEFAULT-VALUE}).")
    List<String> inputs;

    @Option(names = "--poll", paramLabel = "INTERVAL", converter = IntervalConverter.class,
            description = "Fetch every input again this long after each round ends (e.g. 10m, 1h, PT10M), until "
                    + "stopped (env PAPERFEED_POLL). URLs are fetched conditionally, at most one request per 3 s per host.")
    Duration poll;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Parse every input as this format instead of detecting it.")
    String format;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${user.home}/.paperfeed",
            description = "Where the checkpoint lives (env PAPERFEED_STATE_DIR; default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "The checkpoint file (env PAPERFEED_CHECKPOINT; default checkpoint.json in --state-dir).")
    Path checkpointFile;

    @Option(names = "--no-checkpoint", arity = "0..1", fallbackValue = "true",
            description = "Publish every item, even ones published before, and remember nothing across restarts.")
    boolean noCheckpoint;

    @Option(names = "--once", arity = "0..1", fallbackValue = "true", description = "Exit after publishing instead of serving metrics until stopped.")
    boolean once;

    @Option(names = "--sources", paramLabel = "FILE",
            description = "A sources file (YAML, see docs/SOURCES.md): poll each of its sources at its own interval, "
                    + "following their pages, instead of --input and --poll; with --once, poll each once and exit "
                    + "(env PAPERFEED_SOURCES).")
    Path sourcesFile;

    @Spec
    CommandSpec spec;

    /** Reads {@code --poll} values with {@link PollInterval}. */
    static final class IntervalConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return PollInterval.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (sourcesFile != null) {
            return pollSourcesFile();
        }
        FeedReader reader = reader();
        List<FeedSource> sources = sources();
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaClients clients = kafka.clients();
            ServiceContext context = ServiceContext.open("producer", lifecycle, clients, http, System.out);
            context.startHttp();
            Checkpoint checkpoint = checkpoint(clients);
            if (poll != null) {
                System.out.printf("paperfeed producer: fetching %d input(s) every %s, checkpoint %s%n", sources.size(),
                        poll, checkpoint.file().map(Path::toString).orElse("in memory only"));
                ProducerMetrics intervals = new ProducerMetrics(context.metrics().registry());
                sources.forEach(source -> intervals.pollInterval(source.name(), poll));
                Publishing.poll(clients, sources, checkpoint, reader, poll, context.metrics().registry(),
                        System.out, lifecycle);
                return 0;
            }
            PublishReport report = Publishing.publish(clients, sources, checkpoint, reader,
                    context.metrics().registry(), System.out);
            if (report.skipped() > 0) {
                System.out.println("paperfeed producer: items published before were skipped (checkpoint "
                        + checkpoint.file().map(Path::toString).orElse("") + "; --no-checkpoint publishes them again)");
            }
            if (!once) {
                lifecycle.awaitShutdown();
                return 0;
            }
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    /**
     * {@code --sources}: the file's sources, each polled at its own interval (or once each with
     * {@code --once}) through one fetcher with the file's per-host gaps, published by one producer.
     */
    private int pollSourcesFile() throws Exception {
        if (spec.commandLine().getParseResult().hasMatchedOption("--input") || poll != null) {
            throw new UserError("--sources names the sources and their intervals: it excludes --input and --poll");
        }
        SourcesFile file;
        try {
            file = SourcesFile.read(sourcesFile);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        FeedReader reader = reader();
        Clock clock = Clock.systemUTC();
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaClients clients = kafka.clients();
            ServiceContext context = ServiceContext.open("producer", lifecycle, clients, http, System.out);
            context.startHttp();
            Checkpoint checkpoint = checkpoint(clients);
            MeterRegistry registry = context.metrics().registry();
            Producer<String, byte[]> producer = lifecycle.add(clients.producer("paperfeed-producer",
                    new StringSerializer(), new ByteArraySerializer()));
            lifecycle.add(new KafkaClientMetrics(producer)).bindTo(registry);
            ProducerMetrics metrics = new ProducerMetrics(registry);
            HttpFetcher fetcher = new HttpFetcher(file.rateLimiter(), RetryPolicy.standard(), FeedReader.MAX_FILE_BYTES,
                    clock);
            List<PagedSource> sources = SourcesPoller.sources(file, fetcher, reader, metrics, clock);
            SourcesPoller poller = lifecycle.add(new SourcesPoller(sources, new FeedPublisher(producer, reader, metrics,
                    clock), checkpoint, clock, ProducerCommand::print));
            System.out.printf("paperfeed producer: polling %d source(s) of %s, checkpoint %s%n", sources.size(),
                    sourcesFile, checkpoint.file().map(Path::toString).orElse("in memory only"));
            if (once) {
                List<PublishReport> reports = poller.pollAllOnce();
                return reports.size() == sources.size() && reports.stream().allMatch(r -> r.failed().isEmpty()) ? 0 : 1;
            }
            poller.run();
            return 0;
        }
    }

    /** One poll of one source: the documents that added anything, a source that failed or was not modified, a total. */
    private static void print(PublishReport report) {
        report.files().stream().filter(FileReport::eventful).forEach(f -> System.out.println(f.summary()));
        report.sources().stream().filter(s -> s.error() != null || s.outcome().equals("not-modified"))
                .forEach(s -> System.out.println(s.summary()));
        System.out.printf("published %d papers and %d invalid items from %d pages%s%n", report.papers(),
                report.invalid(), report.files().size(), report.skipped() > 0
                        ? "; skipped " + report.skipped() + " already published" : "");
    }

    private FeedReader reader() {
        try {
            return format == null ? new FeedReader() : new FeedReader(format);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The inputs as sources; a missing path, a malformed URL or stdin with --poll is a one-line error. */
    private List<FeedSource> sources() {
        if (poll != null && once) {
            throw new UserError("--once and --poll exclude each other");
        }
        for (String input : inputs) {
            if (input.equals(FeedSources.STDIN) && poll != null) {
                throw new UserError("stdin (-) can be read once only; it cannot be polled");
            }
            if (!input.equals(FeedSources.STDIN) && !FeedSources.isUrl(input) && !Files.exists(Path.of(input))) {
                throw new UserError("input " + input + " does not exist (run from the repository root, or pass --input)");
            }
        }
        try {
            return FeedSources.standard(System.in, Clock.systemUTC()).of(inputs);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private Checkpoint checkpoint(KafkaClients clients) throws IOException, InterruptedException {
        if (noCheckpoint) {
            return Checkpoint.inMemory();
        }
        Path file = checkpointFile != null ? checkpointFile : stateDir.resolve("checkpoint.json");
        try {
            return Publishing.checkpoint(file, clients);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
