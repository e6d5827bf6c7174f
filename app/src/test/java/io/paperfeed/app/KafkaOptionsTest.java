package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.UserError;
import io.paperfeed.kafka.KafkaClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --kafka-config}: its properties reach every client; bootstrap servers from the flag or the file. */
class KafkaOptionsTest {

    @Test
    void theFilesPropertiesReachEveryKindOfClientAndTheStreamsApp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "bootstrap.servers=from-file:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"k\" password=\"s3cr3t\";\n");
        KafkaClients clients = KafkaOptions.clients(null, file);
        assertEquals("from-file:9093", clients.bootstrapServers());
        for (var config : java.util.List.of(clients.producerConfig("p", java.util.Map.of()),
                clients.readerConfig("r", java.util.Map.of()), clients.groupConsumerConfig("g", "c", java.util.Map.of()),
                clients.common())) {
            assertEquals("SASL_SSL", config.get("security.protocol"));
            assertEquals("PLAIN", config.get("sasl.mechanism"));
        }
        assertEquals("SASL_SSL", clients.streamsProperties().get("security.protocol"));
        assertFalse(clients.toString().contains("s3cr3t"), clients.toString());
        assertEquals("flag:9092", KafkaOptions.clients("flag:9092", file).bootstrapServers(), "the flag wins");
    }

    @Test
    void withoutBootstrapServersAnywhereItIsOneClearError() {
        UserError e = assertThrows(UserError.class, () -> KafkaOptions.clients(null, null));
        assertEquals(true, e.getMessage().contains("--bootstrap-servers"));
    }
}
