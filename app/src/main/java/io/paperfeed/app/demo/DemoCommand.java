package io.paperfeed.app.demo;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.DigestOptions;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.cli.ReaderOptions;
import io.paperfeed.app.cli.SecretsOptions;
import io.paperfeed.app.cli.TempDirectory;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.ops.LatestAlerts;
import io.paperfeed.app.ops.StatusPage;
import io.paperfeed.app.pipeline.ConsoleAlertSink;
import io.paperfeed.app.pipeline.ExportWriter;
import io.paperfeed.app.pipeline.PipelineFollower;
import io.paperfeed.app.pipeline.PipelineOutput;
import io.paperfeed.app.pipeline.Publishing;
import io.paperfeed.app.pipeline.SubscriptionPublishing;
import io.paperfeed.app.services.ConsumerRole;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.app.services.StreamsRole;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import io.paperfeed.app.cli.EmbeddingModeConverter;
import io.paperfeed.streams.meaning.EmbeddingMode;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed demo}: the whole pipeline in one process, on an embedded Kafka broker unless
 * {@code --bootstrap-servers} names one.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline in one process over the seed feeds: an embedded Kafka broker,",
                "the producer, the streams app and a consumer that prints each alert as one line."})
public final class DemoCommand implements Callable<Integer> {

    private static final String DEMO_APPLICATION_ID = "paperfeed-demo";

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Mixin
    ApiOptions api;

    @Mixin
    ReaderOptions reading;

    @Mixin
    WebhookOptions webhooks;

    @Mixin
    SecretsOptions secrets;

    @Mixin
    DigestOptions digests;

    @Option(names = "--input", paramLabel = "PATH", split = ",", defaultValue = "seeds",
            description = "Feed files or folders to publish (default: ${DEFAULT-VALUE}).")
    List<Path> inputs;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka instead of starting the embedded broker.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for every client (security.protocol, sasl.*, ssl.*), with "
                    + "--bootstrap-servers (env PAPERFEED_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(names = "--export", paramLabel = "DIR",
            description = "When every input item is through, write papers.jsonl, alerts.jsonl and invalid.jsonl here.")
    Path exportDir;

    @Option(names = "--exit-when-idle", arity = "0..1", fallbackValue = "true",
            description = "Exit (0) once every input item is through the pipeline, instead of serving until Ctrl-C.")
    boolean exitWhenIdle;

    @Option(names = "--embeddings", paramLabel = "WHEN", defaultValue = "needed", converter = EmbeddingModeConverter.class,
            description = "When papers are embedded: always, needed (default) or off.")
    EmbeddingMode embeddings;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Taxonomy YAML replacing the default seeds/topics.yaml.")
    Path topicsFile;

    @Option(names = "--subscriptions", paramLabel = "FILE",
            description = "JSON or YAML list of subscriptions to load at start (docs/SUBSCRIPTIONS.md); without it, "
                    + "a built-in subscription alerts every new paper.")
    Path subscriptionsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the items to come through before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new UserError("input " + input + " does not exist (run from the repository root, or pass --input)");
            }
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            ServiceContext.Endpoint endpoint = ServiceContext.Endpoint.bind("demo", lifecycle, http);
            String bootstrap = bootstrapServers;
            if (bootstrap == null && kafkaConfig == null) {
                EmbeddedKafkaBroker broker = lifecycle.add(EmbeddedKafkaBroker.start());
                bootstrap = broker.bootstrapServers();
                out.println("paperfeed demo: embedded Kafka broker at " + bootstrap);
            }
            KafkaClients clients = KafkaOptions.clients(bootstrap, kafkaConfig);
            TempDirectory stateDir = lifecycle.add(new TempDirectory("paperfeed-state-"));
            String allPapers = subscriptionsFile == null ? StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION : null;
            StreamsSettings settings = new StreamsSettings(clients, DEMO_APPLICATION_ID, stateDir.path(),
                    StreamsSettings.DEFAULT_STREAM_THREADS, allPapers,
                    topicsFile, 0, digests.settings()).withEmbeddings(embeddings);
            Taxonomy taxonomy = settings.taxonomy();
            // the same services as `paperfeed streams` and `paperfeed consumer`, in one process
            ServiceContext context = ServiceContext.open("demo", lifecycle, endpoint, clients, http, taxonomy, out);
            // a key of this run seals webhook secrets unless one is configured (the broker lives as long)
            SubscriptionSecrets sealing = secrets.orGenerated(System.getenv());
            Set<String> builtIn = allPapers == null ? Set.of() : Set.of(allPapers);
            ConsumerRole consumer = ConsumerRole.mount(context, taxonomy, api, reading, builtIn, sealing);
            // the status page at / (figures, topics, latest public alerts; live through the all-papers subscription)
            StatusPage.mount(context.server(), context.metrics().registry(),
                    lifecycle.add(new LatestAlerts(clients, 20, builtIn)), allPapers);
            if (subscriptionsFile != null) {
                SubscriptionPublishing.publish(clients, subscriptionsFile, SubscriptionValidator.of(taxonomy), sealing,
                        out);
            }
            context.server().start();
            out.printf("paperfeed demo: metrics at %s/metrics, health at %s/health, status page at %s/%n",
                    context.baseUrl(), context.baseUrl(), context.baseUrl());
            StreamsService streams = StreamsRole.start(context, settings);
            if (!streams.awaitRunning(Duration.ofSeconds(60))) {
                throw new UserError("the streams app did not reach RUNNING within 60 s (state " + streams.state() + ")");
            }
            consumer.start("paperfeed-demo-console", new ConsoleAlertSink(out), webhooks);

            PublishReport report = Publishing.publish(clients, inputs, context.metrics().registry(), out);
            return followThrough(lifecycle, clients, report, out);
        }
    }

    private int followThrough(Lifecycle lifecycle, KafkaClients clients, PublishReport report, PrintStream out)
            throws Exception {
        try (PipelineFollower follower = new PipelineFollower(clients, DEMO_APPLICATION_ID)) {
            if (!follower.awaitThrough(report.itemKeys(), Duration.ofSeconds(timeoutSeconds))) {
                List<String> missing = follower.output().missing(report.itemKeys());
                throw new UserError(missing.size() + " of " + report.itemKeys().size()
                        + " items did not come through within " + timeoutSeconds + " s, e.g. " + missing.get(0));
            }
            PipelineOutput output = follower.output();
            Set<String> items = report.itemKeys();
            out.printf("paperfeed demo: all %d items through: %d papers, %d alerts, %d invalid%n", items.size(),
                    output.papersOf(items).size(), output.alertsOf(items).size(), output.invalidOf(items).size());
            if (exportDir != null) {
                ExportWriter.write(output, items, exportDir);
                out.println("paperfeed demo: wrote papers.jsonl, alerts.jsonl and invalid.jsonl to " + exportDir);
            }
        }
        if (exitWhenIdle) {
            return 0;
        }
        out.println("paperfeed demo: serving until Ctrl-C");
        lifecycle.awaitShutdown();
        return lifecycle.exitCode("demo");
    }
}
