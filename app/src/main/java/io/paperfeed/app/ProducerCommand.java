package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.pipeline.Publishing;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperfeed producer}: publishes feed files to an external Kafka. */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = "Publish feed files to Kafka, then keep serving /metrics until stopped (or exit with --once).")
final class ProducerCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    ConfigOption config;

    @Option(names = "--input", paramLabel = "PATH", split = ",", defaultValue = "seeds",
            description = "Feed files or folders (env PAPERFEED_INPUT, comma-separated; default ${DEFAULT-VALUE}).")
    List<Path> inputs;

    @Option(names = "--once", description = "Exit after publishing instead of serving metrics until stopped.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            ServiceCommands.Ops ops = ServiceCommands.open(lifecycle, "producer", kafka, http);
            ops.start("producer", http);
            Publishing.publish(kafka.bootstrapServers, inputs, ops.metrics().registry(), System.out);
            if (!once) {
                lifecycle.awaitShutdown();
            }
            return 0;
        }
    }
}
