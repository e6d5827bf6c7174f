package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.cli.WebhookOptions;
import io.paperfeed.app.pipeline.ConsoleAlertSink;
import io.paperfeed.consumer.AlertConsumer;
import io.paperfeed.consumer.AlertConsumerSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperfeed consumer}: consumes alerts from an external Kafka and prints them. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = "Consume alerts and deliver them (one line each on stdout) until stopped.")
final class ConsumerCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--group-id", defaultValue = AlertConsumerSettings.DEFAULT_GROUP_ID,
            description = "Consumer group (env PAPERFEED_GROUP_ID; default ${DEFAULT-VALUE}).")
    String groupId;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            ServiceCommands.Ops ops = ServiceCommands.open(lifecycle, "consumer", kafka, http);
            AlertConsumer consumer = new AlertConsumer(new AlertConsumerSettings(kafka.bootstrapServers, groupId),
                    new ConsoleAlertSink(System.out), ops.metrics().registry());
            Thread thread = new Thread(consumer, "paperfeed-alerts");
            lifecycle.add(() -> {
                consumer.close();
                thread.join(10_000);
            });
            ops.start("consumer", http);
            thread.start();
            webhooks.start(lifecycle, kafka.bootstrapServers, ops.metrics().registry());
            lifecycle.awaitShutdown();
            return 0;
        }
    }
}
