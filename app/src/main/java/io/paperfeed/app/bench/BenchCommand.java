package io.paperfeed.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.app.cli.TempDirectory;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.PaperFeedTopology;
import io.paperfeed.streams.PipelineMetrics;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import io.paperfeed.app.cli.EmbeddingModeConverter;
import io.paperfeed.streams.meaning.EmbeddingMode;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed bench}: the performance yardstick. On an embedded broker, in one run, moves the
 * same N paper events (a) through a pass-through Kafka Streams app, (b) through decode and dedup
 * only, and (c) through the full pipeline, all exactly-once, and prints papers/s, the ratio of the
 * full pipeline to pass-through, and send-to-output latency.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput and latency on an embedded broker: a pass-through streams app,",
                "the dedup step alone and the full pipeline, over the same paper events."})
public final class BenchCommand implements Callable<Integer> {

    static final Path SHARED_ARXIV_DAILY = Path.of("..", "shared", "data", "arxiv-daily");
    static final String BENCH_IN = "bench.passthrough.in";
    static final String BENCH_OUT = "bench.passthrough.out";

    @Option(names = "--input", paramLabel = "PATH",
            description = "Feed files or a folder (default: ../shared/data/arxiv-daily when present, else seeds).")
    Path input;

    @Option(names = "--events", paramLabel = "N", defaultValue = "0",
            description = "How many events (default: every item of the input, at least 5000 when the input is the seeds).")
    int events;

    @Option(names = "--embeddings", paramLabel = "WHEN", defaultValue = "needed", converter = EmbeddingModeConverter.class,
            description = "When the full pipeline embeds papers: always, needed (default: the streams service's) or off.")
    EmbeddingMode embeddings;

    @Override
    public Integer call() throws Exception {
        Path source = input != null ? input : Files.isDirectory(SHARED_ARXIV_DAILY) ? SHARED_ARXIV_DAILY : Path.of("seeds");
        if (!Files.exists(source)) {
            throw new UserError("bench input " + source + " does not exist (run from the repository root, or pass --input)");
        }
        int wanted = events > 0 ? events : source.equals(Path.of("seeds")) ? 5000 : 0;
        BenchInput data = BenchInput.load(source, wanted);
        System.out.println("paperfeed bench: " + data.description() + ", exactly_once_v2, embedded single-node broker, "
                + "embeddings " + embeddings.json());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             TempDirectory state = new TempDirectory("paperfeed-bench-");
             Admin admin = new KafkaClients(broker.bootstrapServers()).admin()) {
            BenchRun run = new BenchRun(new KafkaClients(broker.bootstrapServers()));
            BenchTopics.reset(admin);
            LatencyStats pass = run.measure("pass-through", passThrough(),
                    settings(broker, state.path(), "bench-passthrough").toProperties(), BENCH_IN,
                    Map.of(BENCH_OUT, bytes -> List.of(PaperSerdes.PAPER_EVENT.deserialize(BENCH_OUT, bytes).itemKey())),
                    data.events());
            BenchTopics.reset(admin);
            StreamsSettings dedupOnly = settings(broker, state.path(), "bench-dedup");
            LatencyStats dedup = run.measure("dedup only", PaperFeedTopology.buildThroughDedup(dedupOnly, metrics()),
                    dedupOnly.toProperties(), Topics.PAPERS_RAW.name(),
                    Map.of(Topics.DEDUP_DECISIONS.name(), BenchCommand::itemKeyOfDecision), data.events());
            BenchTopics.reset(admin);
            StreamsSettings full = settings(broker, state.path(), "bench-pipeline").withEmbeddings(embeddings);
            SimpleMeterRegistry fullRegistry = new SimpleMeterRegistry();
            PipelineMetrics fullMetrics = new PipelineMetrics();
            fullMetrics.bindTo(fullRegistry);
            LatencyStats pipeline = run.measure("full pipeline", PaperFeedTopology.build(full, fullMetrics),
                    full.toProperties(), Topics.PAPERS_RAW.name(), Map.of(
                            Topics.PAPERS_CLASSIFIED.name(), BenchCommand::itemKeysOfPaper,
                            Topics.DEDUP_DECISIONS.name(), BenchCommand::itemKeyOfRepeat),
                    data.events());
            System.out.println(pass.line());
            System.out.println(EmbedThroughput.measure(data.events(), 1000));
            System.out.println(dedup.line());
            System.out.println(pipeline.line());
            System.out.printf(Locale.ROOT, "  embed step in the full pipeline: %.0f papers embedded, %.0f reused the "
                    + "embedding of the same text, %.0f not embedded (--embeddings %s)%n",
                    embedded(fullRegistry, "computed"), embedded(fullRegistry, "reused"), embedded(fullRegistry, "skipped"),
                    embeddings.json());
            System.out.printf(Locale.ROOT, "ratio full/pass-through: %.2f%n",
                    pipeline.papersPerSecond() / pass.papersPerSecond());
        }
        return 0;
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

    private static StreamsSettings settings(EmbeddedKafkaBroker broker, Path stateRoot, String applicationId) {
        return new StreamsSettings(broker.bootstrapServers(), applicationId, stateRoot.resolve(applicationId), 2,
                StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION);
    }

    /** The yardstick: the same guarantee and serdes, no processing. */
    static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(BENCH_IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(BENCH_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
