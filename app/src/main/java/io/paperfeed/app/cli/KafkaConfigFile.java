package io.paperfeed.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A Kafka client properties file ({@code --kafka-config}): security ({@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}), timeouts, anything a Kafka client takes. Its properties reach every
 * client of the process through {@link io.paperfeed.kafka.KafkaClients}. Values are never printed:
 * they hold passwords.
 */
final class KafkaConfigFile {

    private KafkaConfigFile() {
    }

    static Map<String, String> load(Path file) {
        if (file == null) {
            return Map.of();
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError("the Kafka client configuration " + file + " does not exist");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read the Kafka client configuration " + file + ": " + e.getMessage());
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> config.put(name, properties.getProperty(name).strip()));
        return config;
    }
}
