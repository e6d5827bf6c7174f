package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.broker.ScramSecurity;
import io.paperfeed.model.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (producer, streams app, alert consumer, API, webhooks, status page: every Kafka
 * client of the demo) against a broker that only speaks SASL_PLAINTEXT/SCRAM-SHA-512 and authorises
 * with ACLs, configured by nothing but {@code --kafka-config}; a user without ACLs and a wrong
 * password are refused with one clear line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaPipelineIT {

    private static final String PAPERFEED = "paperfeed-svc";
    private static final String PASSWORD = "pf-" + System.nanoTime();
    private EmbeddedKafkaBroker broker;
    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaBroker.startSecured(new ScramSecurity("admin-secret",
                Map.of(PAPERFEED, PASSWORD, "mallory", "mallory-secret")));
        try (Admin admin = Admin.create(props(ScramSecurity.ADMIN, "admin-secret"))) {
            String user = "User:" + PAPERFEED;
            admin.createAcls(List.of(
                    allow(ResourceType.TOPIC, "paperfeed", PatternType.PREFIXED, user, AclOperation.ALL),
                    allow(ResourceType.GROUP, "paperfeed", PatternType.PREFIXED, user, AclOperation.ALL),
                    allow(ResourceType.TRANSACTIONAL_ID, "paperfeed", PatternType.PREFIXED, user, AclOperation.ALL),
                    allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, user, AclOperation.DESCRIBE),
                    allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, user, AclOperation.IDEMPOTENT_WRITE)))
                    .all().get();
        }
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    @Test
    void theWholePipelineRunsOnASaslScramClusterWithAcls() throws Exception {
        Path config = configFile("paperfeed.properties", PAPERFEED, PASSWORD);
        Run run = demo(config);
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("paperfeed demo: all 114 items through: 107 papers, 107 alerts, 0 invalid"), run.out);
        assertFalse(run.out.contains(PASSWORD) || run.err.contains(PASSWORD), "the password is never printed");

        try (KafkaConsumer<String, String> svc = consumer(PAPERFEED, PASSWORD)) {
            assertEquals(107, readAll(svc, Topics.ALERTS.name()), "the alerts are on the secured cluster");
        }
        try (KafkaConsumer<String, String> mallory = consumer("mallory", "mallory-secret")) {
            assertThrows(TopicAuthorizationException.class, () -> readAll(mallory, Topics.ALERTS.name()),
                    "an authenticated user without ACLs reads nothing");
        }
    }

    @Test
    void aUserWithoutAclsAndAWrongPasswordAreRefusedWithOneClearLine() throws Exception {
        Run denied = demo(configFile("mallory.properties", "mallory", "mallory-secret"));
        assertEquals(2, denied.exit, denied.err);
        assertTrue(denied.err.contains("paperfeed: Kafka denied paperfeed access to topic"), denied.err);

        Run wrong = demo(configFile("wrong.properties", PAPERFEED, "not-the-password"));
        assertEquals(2, wrong.exit, wrong.err);
        assertTrue(wrong.err.contains("paperfeed: Kafka refused paperfeed's credentials"), wrong.err);
        assertFalse(wrong.err.contains("not-the-password"), wrong.err);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run demo(Path config) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run(new String[] {"demo", "--bootstrap-servers", broker.bootstrapServers(), "--kafka-config",
                config.toString(), "--port", "0", "--input", "../seeds", "--exit-when-idle"}, Map.of());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private Path configFile(String name, String user, String password) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, ScramSecurity.clientProperties(user, password).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\")).collect(Collectors.joining("\n")) + "\n");
        return file;
    }

    private Map<String, Object> props(String user, String password) {
        Map<String, Object> p = new HashMap<>(ScramSecurity.clientProperties(user, password));
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    private KafkaConsumer<String, String> consumer(String user, String password) {
        Map<String, Object> p = props(user, password);
        p.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** Records on partition 0 of the topic, read to its end. */
    private static int readAll(KafkaConsumer<String, String> consumer, String topic) {
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
        int count = 0;
        while (consumer.position(tp, Duration.ofSeconds(10)) < end) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            count += records.count();
        }
        return count;
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, String principal,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
