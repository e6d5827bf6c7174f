package io.paperfeed.app;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.ReaderOptions;
import io.paperfeed.app.cli.SecretsOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.services.ConsumerRole;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.pipeline.ConsoleAlertSink;
import io.paperfeed.consumer.AlertConsumerSettings;
import io.paperfeed.streams.StreamsSettings;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
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

    @Mixin
    ReaderOptions reading;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Taxonomy YAML the streams app uses, for GET /topics and subscription checks "
                    + "(env PAPERFEED_TOPICS; default: the built-in seeds/topics.yaml).")
    Path topicsFile;

    @Mixin
    WebhookOptions webhooks;

    @Mixin
    SecretsOptions secrets;

    @Option(names = "--group-id", defaultValue = AlertConsumerSettings.DEFAULT_GROUP_ID,
            description = "Consumer group (env PAPERFEED_GROUP_ID; default ${DEFAULT-VALUE}).")
    String groupId;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            Taxonomy taxonomy = topicsFile == null ? Taxonomy.defaults() : Taxonomy.load(topicsFile);
            ServiceContext context = ServiceContext.open("consumer", lifecycle, kafka.clients(), http, taxonomy,
                    System.out);
            ConsumerRole consumer = ConsumerRole.mount(context, taxonomy, api, reading,
                    Set.of(StreamsSettings.DEFAULT_ALL_PAPERS_SUBSCRIPTION), secrets.secrets(System.getenv()));
            context.startHttp();
            consumer.start(groupId, new ConsoleAlertSink(System.out), webhooks);
            lifecycle.awaitShutdown();
            return lifecycle.exitCode("consumer");
        }
    }
}
