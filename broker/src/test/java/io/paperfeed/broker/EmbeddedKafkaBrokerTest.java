package io.paperfeed.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void startsARealBrokerThatTakesTransactionsAndRemovesItsDataOnClose() throws Exception {
        Path dataDir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            dataDir = broker.dataDir();
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test");
            try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "v"));
                producer.commitTransaction();
            }
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (var consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(200));
                }
                assertEquals(1, records.count());
                assertEquals("v", records.iterator().next().value());
            }
            assertTrue(Files.isDirectory(dataDir));
        }
        assertFalse(Files.exists(dataDir), "data directory removed on close");
    }

    @Test
    void aBrokerOnAKeptDataDirectoryGivesNewTopicsItsPartitionCountAndKeepsThemAcrossARestart(
            @org.junit.jupiter.api.io.TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().partitions(3).dataDir(dataDir).start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("kept", java.util.Optional.empty(), java.util.Optional.empty())))
                    .all().get();
            assertEquals(3, partitionsOf(admin, "kept"));
        }
        assertTrue(Files.exists(dataDir.resolve("meta.properties")), "a given data directory is kept on close");
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
            assertTrue(admin.listTopics().names().get().contains("kept"), "the topic survived the restart");
        }
    }

    /** The topic's partition count, once the new topic's metadata has reached the broker (within 30 s). */
    private static int partitionsOf(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
