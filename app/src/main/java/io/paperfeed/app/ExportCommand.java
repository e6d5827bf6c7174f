package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.pipeline.ExportWriter;
import io.paperfeed.app.pipeline.PipelineFollower;
import io.paperfeed.app.pipeline.PipelineOutput;
import io.paperfeed.app.pipeline.StreamsCatchUp;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed export --out DIR}: waits until the streams application has processed everything on its
 * input topics, then writes what the output topics hold (read committed) as JSON lines.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Wait until the streams app has caught up with its input topics, then write papers.jsonl",
                "(the latest record of every paper, retired ids removed), alerts.jsonl, invalid.jsonl and",
                "decisions.jsonl from the cluster, read committed."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ConfigOption config;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write the files to.")
    Path out;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "The streams app to wait for (env PAPERFEED_APPLICATION_ID; default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the streams app to catch up (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        KafkaClients clients = kafka.clients();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (Admin admin = clients.admin()) {
            StreamsCatchUp.Progress progress = new StreamsCatchUp(admin, applicationId).await(timeout);
            if (!progress.caughtUp()) {
                throw new UserError("the streams app " + applicationId + " did not catch up within " + timeoutSeconds
                        + " s: " + progress.records() + " records behind on " + progress.behind() + " of "
                        + progress.partitions() + " partitions (is it running?)");
            }
            System.out.printf("paperfeed export: %s has processed everything on its %d input partitions%n",
                    applicationId, progress.partitions());
        }
        try (PipelineFollower follower = new PipelineFollower(clients)) {
            if (!follower.awaitCaughtUp(timeout)) {
                throw new UserError("the output topics were not read to their end within " + timeoutSeconds + " s");
            }
            PipelineOutput output = follower.output();
            ExportWriter.writeAll(output, out);
            System.out.printf("paperfeed export: wrote %d papers, %d alerts, %d invalid items and %d decisions to %s%s%n",
                    output.papers().size(), output.alerts().size(), output.invalid().size(),
                    output.decisions().size(), out, follower.unreadable() > 0
                            ? " (" + follower.unreadable() + " unreadable records skipped)" : "");
        }
        return 0;
    }
}
