package io.paperfeed.app.cli;

import io.paperfeed.kafka.KafkaClients;
import picocli.CommandLine.Option;

/** Where Kafka is, for the services that need an external cluster. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", required = true,
            description = "Kafka bootstrap servers (env PAPERFEED_BOOTSTRAP_SERVERS).")
    public String bootstrapServers;

    /** The clients of every Kafka connection this process makes. */
    public KafkaClients clients() {
        return new KafkaClients(bootstrapServers);
    }
}
