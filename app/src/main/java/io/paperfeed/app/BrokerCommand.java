package io.paperfeed.app;

import io.paperfeed.app.cli.ConfigOption;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperfeed broker}: the embedded single-node KRaft broker as a process of its own, so a real
 * local cluster of separate processes (several streams instances, consumers, producers) runs without Docker.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft, Apache Kafka's own server classes) on 127.0.0.1 until",
                "stopped, with paperfeed's topics created; its data is kept in --data-dir across restarts."})
final class BrokerCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client port on 127.0.0.1; 0 picks a free one (env PAPERFEED_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of each new topic, paperfeed's included (env PAPERFEED_PARTITIONS; "
                    + "default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.paperfeed/kafka",
            description = "Where the broker keeps its logs, formatted on first use and kept across restarts "
                    + "(env PAPERFEED_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Taxonomy YAML whose topic streams to create too (env PAPERFEED_TOPICS; default: the built-in one).")
    Path topicsFile;

    @Override
    public Integer call() throws Exception {
        if (partitions < 1) {
            throw new UserError("--partitions must be at least 1");
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            EmbeddedKafkaBroker broker;
            try {
                broker = lifecycle.add(EmbeddedKafkaBroker.builder().port(port).partitions(partitions)
                        .dataDir(dataDir).start());
            } catch (RuntimeException e) {
                throw new UserError("the broker did not start on port " + port + " with data in " + dataDir + ": "
                        + e.getMessage());
            }
            try (Admin admin = new KafkaClients(broker.bootstrapServers()).admin()) {
                TopicSetup.ensureTopics(admin, topicsFile == null ? Taxonomy.defaults() : Taxonomy.load(topicsFile));
            }
            System.out.printf("paperfeed broker: Kafka at %s (%d partitions per new topic, data in %s)%n",
                    broker.bootstrapServers(), partitions, broker.dataDir());
            System.out.println("paperfeed broker: serving until Ctrl-C; the data stays for the next start");
            lifecycle.awaitShutdown();
            return lifecycle.exitCode("broker");
        }
    }
}
