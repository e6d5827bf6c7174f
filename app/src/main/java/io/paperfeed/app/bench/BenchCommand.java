package io.paperfeed.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.app.cli.EmbeddingModeConverter;
import io.paperfeed.app.cli.TempDirectory;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.streams.dedup.DedupStateSize;
import io.paperfeed.streams.meaning.EmbeddingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed bench}: the performance yardstick. On an embedded broker, in one run, moves the
 * same N paper events (a) through a pass-through Kafka Streams app, (b) through decode and dedup
 * only, and (c) through the full pipeline, all exactly-once with the same settings, and prints per
 * stage papers/s, CPU per paper, state per paper and latency, and the ratio of the full pipeline to
 * pass-through; {@code --rate} paces the events, {@code --scaling} measures dedup on 1, 2 and 4
 * partitions and on two instances; {@code --embeddings} says when the full pipeline's embed step embeds, and the
 * embed step's own papers/s on one thread is printed beside.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput, CPU, state and latency on an embedded broker: a pass-through streams app,",
                "the dedup step alone and the full pipeline, over the same realistic paper events."})
public final class BenchCommand implements Callable<Integer> {

    static final Path SHARED_ARXIV_DAILY = Path.of("..", "shared", "data", "arxiv-daily");
    static final String BENCH_IN = "bench.passthrough.in";
    static final String BENCH_OUT = "bench.passthrough.out";
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @Option(names = "--input", paramLabel = "PATH",
            description = "Real papers to generate from (default: ../shared/data/arxiv-daily when present, else seeds).")
    Path input;

    @Option(names = "--events", paramLabel = "N", defaultValue = "100000",
            description = "How many events to generate (default ${DEFAULT-VALUE}; 1000000 for a long run).")
    int events;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Send at N events/s and report end-to-end latency at that steady rate (default: one burst).")
    int rate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + StreamsSettings.DEFAULT_STREAM_THREADS,
            description = "Stream threads of each instance, at least one per partition (default ${DEFAULT-VALUE}, as paperfeed streams).")
    int threads;

    @Option(names = "--scaling", arity = "0..1", fallbackValue = "true", description = "Also run dedup alone on 1, 2 and 4 partitions, and on 2 instances.")
    boolean scaling;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10000",
            description = "Before measuring each stage, run the first N events through it, uncounted, so the JIT has"
                    + " compiled what the stage runs (default ${DEFAULT-VALUE}; 0 measures cold).")
    int warmup;

    @Option(names = "--seed", defaultValue = "20260101", description = "Seed of the generated events.")
    long seed;

    @Option(names = "--embeddings", paramLabel = "WHEN", defaultValue = "needed", converter = EmbeddingModeConverter.class,
            description = "When the full pipeline embeds papers: always, needed (default: the streams service's) or off.")
    EmbeddingMode embeddings;

    @Override
    public Integer call() throws Exception {
        Path source = input != null ? input : Files.isDirectory(SHARED_ARXIV_DAILY) ? SHARED_ARXIV_DAILY : Path.of("seeds");
        if (!Files.exists(source)) {
            throw new UserError("bench input " + source + " does not exist (run from the repository root, or pass --input)");
        }
        List<PaperEvent> real = BenchInput.load(source, 0).events().stream().filter(e -> e.title() != null).toList();
        BenchCorpus.Events generated = new BenchCorpus(real, seed).generate(events);
        List<BenchRun.Sent> sent = new ArrayList<>(generated.events().size());
        generated.events().forEach(e -> sent.add(new BenchRun.Sent(e.itemKey(),
                PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e))));
        System.out.printf(Locale.ROOT, "paperfeed bench: %,d events (%,d distinct papers) generated from %,d real papers"
                + " of %s; %s; exactly_once_v2, commit %d ms, %d partition(s), embedded single-node broker, %d cores,"
                + " embeddings %s%n", sent.size(), generated.papers(), real.size(), source,
                rate > 0 ? "paced at " + rate + " events/s" : "one burst", StreamsSettings.COMMIT_INTERVAL_MS, partitions,
                Runtime.getRuntime().availableProcessors(), embeddings.json());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             TempDirectory state = new TempDirectory("paperfeed-bench-");
             Admin admin = new KafkaClients(broker.bootstrapServers()).admin()) {
            List<BenchRun.Sent> warm = sent.subList(0, Math.min(warmup, sent.size()));
            Runner runner = new Runner(broker, state.path(), admin, sent, warm, threads);
            if (warmup > 0) {
                System.out.printf(Locale.ROOT, "each stage first runs the first %,d events at once, not counted, so the JIT"
                        + " has compiled what it runs (its warm-up line comes before its own)%n", warm.size());
            }
            LatencyStats pass = runner.passThrough(partitions, rate);
            print(pass);
            LatencyStats dedup = runner.dedupOnly("dedup only", partitions, 1, rate);
            print(dedup);
            System.out.println(EmbedThroughput.measure(real, 1000));
            SimpleMeterRegistry fullRegistry = new SimpleMeterRegistry();
            LatencyStats full = runner.full(partitions, rate, embeddings, fullRegistry);
            print(full);
            System.out.printf(Locale.ROOT, "  embed step in the full pipeline: %.0f papers embedded, %.0f reused the "
                    + "embedding of the same text, %.0f not embedded (--embeddings %s)%n",
                    embedded(fullRegistry, "computed"), embedded(fullRegistry, "reused"), embedded(fullRegistry, "skipped"),
                    embeddings.json());
            System.out.printf(Locale.ROOT, "ratio full/pass-through: %.2f (papers/s); %.2f (stream-thread CPU per paper,"
                    + " pass-through/full)%s%n", full.papersPerSecond() / pass.papersPerSecond(),
                    pass.streamsCpuMicros() / full.streamsCpuMicros(), rate > 0
                            ? "; paced, so papers/s is capped by the rate: the burst run (no --rate) measures the ratio" : "");
            if (scaling) {
                for (int p : new int[] {1, 2, 4}) {
                    print(runner.dedupOnly("dedup, " + p + " partition(s)", p, 1, rate));
                }
                print(runner.dedupOnly("dedup, 2 partitions, 2 inst.", 2, 2, rate));
                print(runner.dedupOnly("dedup, 4 partitions, 2 inst.", 4, 2, rate));
            }
        }
        return 0;
    }

    /** A stage's line, and when paced the p99 of each window of sending (the start against the steady state). */
    private void print(LatencyStats stats) {
        System.out.println(stats.line());
        if (rate > 0) {
            System.out.println(stats.windowsLine());
        }
    }

    /** The runs of one bench, on one broker. */
    private record Runner(EmbeddedKafkaBroker broker, Path stateRoot, Admin admin, List<BenchRun.Sent> events,
                          List<BenchRun.Sent> warmup, int threads) {

        /**
         * The same stages over the warm-up events, in one burst. The broker, the clients, Kafka Streams and
         * paperfeed's steps run in this one JVM: measured cold, C2 spent as much CPU as the stream threads
         * through the dedup stage (10.6 s against 10.1 s at 20,000 events), and a stage measured after a
         * different topology starts with its compiled code thrown away for the new type profiles.
         */
        Runner warming() {
            return new Runner(broker, stateRoot, admin, warmup, List.of(), threads);
        }

        private static void warmedUp(LatencyStats warm) {
            System.out.printf(Locale.ROOT, "  warm-up, not counted: %,d events, %,.0f papers/s%n", warm.events(),
                    warm.papersPerSecond());
        }

        BenchRun run() {
            return new BenchRun(new KafkaClients(broker.bootstrapServers()));
        }

        LatencyStats passThrough(int partitions, int rate) throws Exception {
            if (!warmup.isEmpty()) {
                warmedUp(warming().passThrough(partitions, 0));
            }
            BenchTopics.reset(admin, partitions);
            String id = "bench-passthrough-" + RUNS.incrementAndGet();
            return run().measure("pass-through", passThroughTopology(), instances(id, partitions, 1),
                    BENCH_IN, Map.of(BENCH_OUT, BenchRun.BY_KEY), events, rate, null);
        }

        LatencyStats dedupOnly(String name, int partitions, int instanceCount, int rate) throws Exception {
            if (!warmup.isEmpty()) {
                warmedUp(warming().dedupOnly(name, partitions, instanceCount, 0));
            }
            BenchTopics.reset(admin, partitions);
            // a fresh application id (and state) per run: a second run on the same id would find every paper known
            String id = "bench-dedup-" + partitions + "-" + instanceCount + "-" + RUNS.incrementAndGet();
            StreamsSettings settings = settings(id, partitions, instanceCount);
            return run().measure(name, PaperFeedTopology.buildThroughDedup(settings, metrics(),
                            settings.dedup(partitions)), instances(id, partitions, instanceCount), Topics.PAPERS_RAW.name(),
                    Map.of(Topics.DEDUP_DECISIONS.name(), BenchCommand::itemKeyOfDecision), events, rate,
                    BenchCommand::dedupBytesPerPaper);
        }

        LatencyStats full(int partitions, int rate, EmbeddingMode embeddings, SimpleMeterRegistry registry)
                throws Exception {
            if (!warmup.isEmpty()) {
                warmedUp(warming().full(partitions, 0, embeddings, new SimpleMeterRegistry()));
            }
            BenchTopics.reset(admin, partitions);
            // a fresh application id per run, as for dedup alone (the warm-up runs the pipeline too)
            String id = "bench-pipeline-" + RUNS.incrementAndGet();
            StreamsSettings settings = settings(id, partitions, 1).withEmbeddings(embeddings);
            PipelineMetrics metrics = new PipelineMetrics();
            metrics.bindTo(registry);
            return run().measure("full pipeline", PaperFeedTopology.build(settings, metrics, settings.dedup(partitions)),
                    instances(id, partitions, 1), Topics.PAPERS_RAW.name(), Map.of(
                            Topics.PAPERS_CLASSIFIED.name(), BenchCommand::itemKeysOfPaper,
                            Topics.DEDUP_DECISIONS.name(), BenchCommand::itemKeyOfRepeat), events, rate,
                    BenchCommand::dedupBytesPerPaper);
        }

        StreamsSettings settings(String applicationId, int partitions, int instanceCount) {
            return new StreamsSettings(broker.bootstrapServers(), applicationId, stateRoot.resolve(applicationId),
                    Math.max(threads, partitions / instanceCount), StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION);
        }

        List<Properties> instances(String applicationId, int partitions, int count) {
            List<Properties> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Properties p = settings(applicationId, partitions, count).toProperties();
                p.put("state.dir", stateRoot.resolve(applicationId + "-" + i).toString());
                all.add(p);
            }
            return all;
        }
    }

    private static double dedupBytesPerPaper(List<KafkaStreams> apps) {
        long papers = 0;
        long bytes = 0;
        for (KafkaStreams app : apps) {
            DedupStateSize.Sizes sizes = DedupStateSize.of(app);
            papers += sizes.papers();
            bytes += sizes.refsBytes() + sizes.indexBytes();
        }
        return papers == 0 ? Double.NaN : bytes / (double) papers;
    }

    private static List<String> itemKeysOfPaper(byte[] bytes) {
        CanonicalPaper paper = PaperSerdes.CANONICAL_PAPER.deserialize(Topics.PAPERS_CLASSIFIED.name(), bytes);
        return paper.sources().stream().map(Provenance::itemKey).toList();
    }

    private static List<String> itemKeyOfDecision(byte[] bytes) {
        return List.of(decision(bytes).itemKey());
    }

    /** An exact repeat publishes no paper: its decision is where it comes out. */
    private static List<String> itemKeyOfRepeat(byte[] bytes) {
        DedupDecision d = decision(bytes);
        return d.outcome() == DedupDecision.Outcome.REPEAT ? List.of(d.itemKey()) : List.of();
    }

    private static DedupDecision decision(byte[] bytes) {
        return PaperSerdes.DEDUP_DECISION.deserialize(Topics.DEDUP_DECISIONS.name(), bytes);
    }

    private static double embedded(SimpleMeterRegistry registry, String outcome) {
        var counter = registry.find("paperfeed.papers.embeddings").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static PipelineMetrics metrics() {
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
        return metrics;
    }

    /** The yardstick: the same guarantee and settings, no processing. */
    static Topology passThroughTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(BENCH_IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(BENCH_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
