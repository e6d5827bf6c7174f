package io.paperfeed.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients("broker:9092",
            Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "secret-value", "acks", "1"));

    @Test
    void producersAreIdempotentAndWaitForAllReplicasUnlessTheOperatorSaysOtherwise() {
        Map<String, Object> plain = new KafkaClients("broker:9092").producerConfig("p", Map.of());
        assertEquals("all", plain.get("acks"));
        assertEquals(true, plain.get("enable.idempotence"));
        assertEquals("broker:9092", plain.get("bootstrap.servers"));

        Map<String, Object> config = clients.producerConfig("p", Map.of("linger.ms", 0));
        assertEquals("1", config.get("acks"), "the operator's client properties have the last word");
        assertEquals(0, config.get("linger.ms"), "a per-call override wins over the default");
        assertEquals("SASL_SSL", config.get("security.protocol"));
    }

    @Test
    void readersReadCommittedAndCommitNothingAndGroupConsumersHaveTheirGroup() {
        Map<String, Object> reader = clients.readerConfig("r", Map.of());
        assertEquals("read_committed", reader.get("isolation.level"));
        assertEquals(false, reader.get("enable.auto.commit"));
        assertFalse(reader.containsKey("group.id"));
        assertEquals("SASL_SSL", reader.get("security.protocol"));

        Map<String, Object> member = clients.groupConsumerConfig("g", "c", Map.of("max.poll.records", 10));
        assertEquals("g", member.get("group.id"));
        assertEquals("read_committed", member.get("isolation.level"));
        assertEquals(false, member.get("enable.auto.commit"));
        assertEquals(10, member.get("max.poll.records"));
    }

    @Test
    void everyKindOfClientGetsTheClientProperties() {
        assertEquals("SASL_SSL", clients.common().get("security.protocol"));
        assertEquals("SASL_SSL", clients.streamsProperties().get("security.protocol"));
        assertEquals("broker:9092", clients.streamsProperties().get("bootstrap.servers"));
    }

    @Test
    void bootstrapServersAmongTheClientPropertiesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new KafkaClients("a:1", Map.of("bootstrap.servers", "b:2")));
    }

    @Test
    void itsDescriptionNamesThePropertiesButNeverTheirValues() {
        String text = clients.toString();
        assertTrue(text.contains("sasl.jaas.config"));
        assertFalse(text.contains("secret-value"));
    }
}
