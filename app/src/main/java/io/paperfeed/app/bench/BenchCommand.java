package io.paperfeed.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.app.cli.TempDirectory;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.model.CanonicalPaper;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed bench}: the performance yardstick. On an embedded broker, in one run, moves the
 * same N paper events (a) through a pass-through Kafka Streams app and (b) through the full
 * pipeline, both exactly-once, and prints papers/s, their ratio and send-to-output latency.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput and latency on an embedded broker: a pass-through streams app",
                "versus the full pipeline, over the same paper events."})
public final class BenchCommand implements Callable<Integer> {

    static final Path SHARED_ARXIV_DAILY = Path.of("..", "shared", "data", "arxiv-daily");
    private static final String BENCH_IN = "bench.passthrough.in";
    private static final String BENCH_OUT = "bench.passthrough.out";

    @Option(names = "--input", paramLabel = "PATH",
            description = "Feed files or a folder (default: ../shared/data/arxiv-daily when present, else seeds).")
    Path input;

    @Option(names = "--events", paramLabel = "N", defaultValue = "0",
            description = "How many events (default: every item of the input, at least 5000 when the input is the seeds).")
    int events;

    @Override
    public Integer call() throws Exception {
        Path source = input != null ? input : Files.isDirectory(SHARED_ARXIV_DAILY) ? SHARED_ARXIV_DAILY : Path.of("seeds");
        if (!Files.exists(source)) {
            throw new UserError("bench input " + source + " does not exist (run from the repository root, or pass --input)");
        }
        int wanted = events > 0 ? events : source.equals(Path.of("seeds")) ? 5000 : 0;
        BenchInput data = BenchInput.load(source, wanted);
        System.out.println("paperfeed bench: " + data.description() + ", exactly_once_v2, embedded single-node broker");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             TempDirectory state = new TempDirectory("paperfeed-bench-");
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            createTopics(admin);
            BenchRun run = new BenchRun(broker.bootstrapServers());
            LatencyStats pass = run.measure("pass-through", passThrough(),
                    settings(broker, state.path(), "bench-passthrough").toProperties(),
                    BENCH_IN, BENCH_OUT, bytes -> List.of(PaperSerdes.PAPER_EVENT.deserialize(BENCH_OUT, bytes).itemKey()),
                    data.events());
            StreamsSettings full = settings(broker, state.path(), "bench-pipeline");
            LatencyStats pipeline = run.measure("full pipeline",
                    PaperFeedTopology.build(full, pipelineMetrics()), full.toProperties(),
                    Topics.PAPERS_RAW.name(), Topics.PAPERS_CLASSIFIED.name(), BenchCommand::itemKeysOfPaper,
                    data.events());
            System.out.println(pass.line());
            System.out.println(pipeline.line());
            System.out.printf(Locale.ROOT, "ratio full/pass-through: %.2f%n",
                    pipeline.papersPerSecond() / pass.papersPerSecond());
        }
        return 0;
    }

    private static List<String> itemKeysOfPaper(byte[] bytes) {
        CanonicalPaper paper = PaperSerdes.CANONICAL_PAPER.deserialize(Topics.PAPERS_CLASSIFIED.name(), bytes);
        return paper.sources().stream().map(Provenance::itemKey).toList();
    }

    private static PipelineMetrics pipelineMetrics() {
        PipelineMetrics metrics = new PipelineMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
        return metrics;
    }

    private static StreamsSettings settings(EmbeddedKafkaBroker broker, Path stateRoot, String applicationId) {
        return new StreamsSettings(broker.bootstrapServers(), applicationId, stateRoot.resolve(applicationId), 1,
                StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION);
    }

    /** The yardstick: the same guarantee and serdes, no processing. */
    static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(BENCH_IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(BENCH_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static void createTopics(Admin admin) throws Exception {
        Map<String, String> appendTime = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        admin.createTopics(List.of(
                new NewTopic(BENCH_IN, Optional.empty(), Optional.empty()),
                new NewTopic(BENCH_OUT, Optional.empty(), Optional.empty()).configs(appendTime),
                new NewTopic(Topics.PAPERS_CLASSIFIED.name(), Optional.empty(), Optional.empty())
                        .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get();
        TopicSetup.ensureTopics(admin);
    }
}
