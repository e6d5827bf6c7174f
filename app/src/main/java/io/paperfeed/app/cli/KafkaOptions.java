package io.paperfeed.app.cli;

import io.paperfeed.kafka.KafkaClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * Where Kafka is and how to connect to it, for the services that need an external cluster: the
 * bootstrap servers and a client properties file whose settings (security, SASL, TLS, timeouts)
 * apply to every Kafka client of the process and its streams app (docs/OPERATIONS.md).
 */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (env PAPERFEED_BOOTSTRAP_SERVERS; or bootstrap.servers in --kafka-config).")
    public String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for every client of this process: security.protocol, sasl.*, ssl.*, "
                    + "timeouts (env PAPERFEED_KAFKA_CONFIG).")
    public Path kafkaConfig;

    /** The clients of every Kafka connection this process makes. */
    public KafkaClients clients() {
        return clients(bootstrapServers, kafkaConfig);
    }

    /**
     * Clients of {@code bootstrap} (or the file's {@code bootstrap.servers} when it is null) with the
     * file's properties.
     */
    public static KafkaClients clients(String bootstrap, Path kafkaConfig) {
        Map<String, String> properties = new HashMap<>(KafkaConfigFile.load(kafkaConfig));
        String fromFile = properties.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        String servers = bootstrap != null && !bootstrap.isBlank() ? bootstrap : fromFile;
        if (servers == null || servers.isBlank()) {
            throw new UserError("no Kafka bootstrap servers: give --bootstrap-servers (env PAPERFEED_BOOTSTRAP_SERVERS) "
                    + "or bootstrap.servers in --kafka-config");
        }
        return new KafkaClients(servers.strip(), properties);
    }
}
