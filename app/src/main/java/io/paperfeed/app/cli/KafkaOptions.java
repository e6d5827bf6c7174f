package io.paperfeed.app.cli;

import picocli.CommandLine.Option;

/** Where Kafka is, for the services that need an external cluster. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", required = true,
            description = "Kafka bootstrap servers (env PAPERFEED_BOOTSTRAP_SERVERS).")
    public String bootstrapServers;
}
