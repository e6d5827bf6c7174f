package io.paperfeed.app;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.ops.ApiMount;
import io.paperfeed.app.ops.HealthCheck;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.pipeline.ConsoleAlertSink;
import io.paperfeed.consumer.AlertConsumer;
import io.paperfeed.consumer.AlertConsumerSettings;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.streams.classify.Taxonomy;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperfeed consumer}: consumes alerts from an external Kafka and prints them. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = {"Consume alerts and deliver them (one line each on stdout) until stopped; serve the subscription",
                "API (/subscriptions) and the event streams (/topics/{id}/events, /subscriptions/{id}/events)."})
final class ConsumerCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Mixin
    ApiOptions api;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Taxonomy YAML the streams app uses, for GET /topics and subscription checks "
                    + "(env PAPERFEED_TOPICS; default: the built-in seeds/topics.yaml).")
    Path topicsFile;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--group-id", defaultValue = AlertConsumerSettings.DEFAULT_GROUP_ID,
            description = "Consumer group (env PAPERFEED_GROUP_ID; default ${DEFAULT-VALUE}).")
    String groupId;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            ServiceCommands.Ops ops = ServiceCommands.open(lifecycle, "consumer", kafka, http);
            Taxonomy taxonomy = topicsFile == null ? Taxonomy.defaults() : Taxonomy.load(topicsFile);
            TopicSetup.ensureTopics(ops.admin(), taxonomy);
            lifecycle.add(ApiMount.mount(ops.server(), http, kafka.bootstrapServers, taxonomy, api,
                    Set.of(StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION), ops.metrics().registry(), "consumer",
                    System.out));
            AlertConsumer consumer = new AlertConsumer(new AlertConsumerSettings(kafka.bootstrapServers, groupId),
                    new ConsoleAlertSink(System.out), ops.metrics().registry());
            Thread thread = new Thread(() -> {
                consumer.run();
                if (consumer.problem() != null) { // it ended on its own: exit, so a supervisor restarts it
                    lifecycle.fail(consumer.problem());
                }
            }, "paperfeed-alerts");
            ops.server().addCheck(HealthCheck.of("alerts", consumer::problem));
            lifecycle.add(() -> {
                consumer.close();
                thread.join(10_000);
            });
            ops.start("consumer", http);
            thread.start();
            ops.server().addCheck(HealthCheck.of("webhooks",
                    webhooks.start(lifecycle, kafka.bootstrapServers, ops.metrics().registry())::problem));
            lifecycle.awaitShutdown();
            return lifecycle.exitCode("consumer");
        }
    }
}
