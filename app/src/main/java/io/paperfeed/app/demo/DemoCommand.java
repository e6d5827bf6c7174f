package io.paperfeed.app.demo;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.cli.TempDirectory;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.ops.ApiMount;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.ops.BrokerHealthCheck;
import io.paperfeed.app.ops.HealthCheck;
import io.paperfeed.app.ops.LatestAlerts;
import io.paperfeed.app.ops.Metrics;
import io.paperfeed.app.ops.OpsHttpServer;
import io.paperfeed.app.ops.StatusPage;
import io.paperfeed.app.ops.StreamsHealthCheck;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.app.pipeline.ConsoleAlertSink;
import io.paperfeed.app.pipeline.ExportWriter;
import io.paperfeed.app.pipeline.PipelineFollower;
import io.paperfeed.app.pipeline.PipelineOutput;
import io.paperfeed.app.pipeline.Publishing;
import io.paperfeed.app.pipeline.SubscriptionPublishing;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.consumer.AlertConsumer;
import io.paperfeed.consumer.AlertConsumerSettings;
import io.paperfeed.producer.PublishReport;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed demo}: the whole pipeline in one process, on an embedded Kafka broker unless
 * {@code --bootstrap-servers} names one.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline in one process over the seed feeds: an embedded Kafka broker,",
                "the producer, the streams app and a consumer that prints each alert as one line."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Mixin
    ApiOptions api;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--input", paramLabel = "PATH", split = ",", defaultValue = "seeds",
            description = "Feed files or folders to publish (default: ${DEFAULT-VALUE}).")
    List<Path> inputs;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka instead of starting the embedded broker.")
    String bootstrapServers;

    @Option(names = "--export", paramLabel = "DIR",
            description = "When every input item is through, write papers.jsonl, alerts.jsonl and invalid.jsonl here.")
    Path exportDir;

    @Option(names = "--exit-when-idle",
            description = "Exit (0) once every input item is through the pipeline, instead of serving until Ctrl-C.")
    boolean exitWhenIdle;

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
            Metrics metrics = lifecycle.add(new Metrics("demo"));
            OpsHttpServer server = lifecycle.add(new OpsHttpServer(http.host, http.port, metrics));
            String bootstrap = bootstrapServers;
            if (bootstrap == null) {
                EmbeddedKafkaBroker broker = lifecycle.add(EmbeddedKafkaBroker.start());
                bootstrap = broker.bootstrapServers();
                out.println("paperfeed demo: embedded Kafka broker at " + bootstrap);
            }
            Admin admin = lifecycle.add(Admin.create(Map.of("bootstrap.servers", bootstrap)));
            server.addCheck(new BrokerHealthCheck(admin));
            TempDirectory stateDir = lifecycle.add(new TempDirectory("paperfeed-state-"));
            StreamsSettings settings = new StreamsSettings(bootstrap, "paperfeed-demo", stateDir.path(), 2,
                    subscriptionsFile == null ? StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION : null, topicsFile);
            TopicSetup.ensureTopics(admin, settings.taxonomy());
            lifecycle.add(ApiMount.mount(server, http, bootstrap, settings.taxonomy(), api,
                    subscriptionsFile == null ? Set.of(StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION) : Set.of(),
                    metrics.registry(), "demo", out));
            // the status page at / (figures, topics, latest alerts; live through the all-papers subscription)
            StatusPage.mount(server, metrics.registry(), lifecycle.add(new LatestAlerts(bootstrap, 20)),
                    settings.allPapersSubscription());
            if (subscriptionsFile != null) {
                SubscriptionPublishing.publish(bootstrap, subscriptionsFile, out);
            }
            StreamsService streams = lifecycle.add(new StreamsService(settings, metrics.registry()));
            server.addCheck(new StreamsHealthCheck(streams));
            server.start();
            out.printf("paperfeed demo: metrics at http://%s:%d/metrics, health at http://%s:%d/health, "
                    + "status page at http://%s:%d/%n", http.host, server.port(), http.host, server.port(), http.host,
                    server.port());
            streams.start();
            if (!streams.awaitRunning(Duration.ofSeconds(60))) {
                throw new UserError("the streams app did not reach RUNNING within 60 s (state " + streams.state() + ")");
            }

            AlertConsumer alerts = new AlertConsumer(new AlertConsumerSettings(bootstrap, "paperfeed-demo-console"),
                    new ConsoleAlertSink(out), metrics.registry());
            Thread alertThread = new Thread(alerts, "paperfeed-alerts");
            server.addCheck(HealthCheck.of("alerts", alerts::problem));
            alertThread.start();
            lifecycle.add(() -> {
                alerts.close();
                alertThread.join(10_000);
            });
            server.addCheck(HealthCheck.of("webhooks", webhooks.start(lifecycle, bootstrap, metrics.registry())::problem));

            PublishReport report = Publishing.publish(bootstrap, inputs, metrics.registry(), out);
            return followThrough(lifecycle, bootstrap, report, out);
        }
    }

    private int followThrough(Lifecycle lifecycle, String bootstrap, PublishReport report, PrintStream out)
            throws Exception {
        try (PipelineFollower follower = new PipelineFollower(bootstrap)) {
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
        return 0;
    }
}
