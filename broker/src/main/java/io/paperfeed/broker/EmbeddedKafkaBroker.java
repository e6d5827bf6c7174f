package io.paperfeed.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one node),
 * started in-process from Apache Kafka's own {@link KafkaRaftServer}. It listens on 127.0.0.1
 * only, on free ports, keeps its data in a temporary directory and removes it on {@link #close()}.
 *
 * <p>Settings suit one node: replication factor 1 for internal topics, no initial rebalance delay.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final int BIND_ATTEMPTS = 3;

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final int port;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(Path dataDir, KafkaRaftServer server, int port) {
        this.dataDir = dataDir;
        this.server = server;
        this.port = port;
    }

    /** Formats a fresh temporary data directory and starts the broker on free ports. */
    public static EmbeddedKafkaBroker start() {
        return start(1, null);
    }

    /**
     * A broker whose topics get {@code defaultPartitions} partitions unless created with a count (to test
     * keys, stores and rebalances on more than one partition).
     */
    public static EmbeddedKafkaBroker start(int defaultPartitions) {
        return start(defaultPartitions, null);
    }

    /**
     * A broker whose client listener is {@code SASL_PLAINTEXT} with SCRAM-SHA-512 and whose
     * {@code StandardAuthorizer} denies everything no ACL allows: the {@code security} users are
     * created when the storage is formatted (as {@code kafka-storage format --add-scram} does), its
     * admin is the super user. For tests of paperfeed against a secured cluster.
     */
    public static EmbeddedKafkaBroker startSecured(ScramSecurity security) {
        return start(1, security);
    }

    private static EmbeddedKafkaBroker start(int defaultPartitions, ScramSecurity security) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            try {
                return startOnce(defaultPartitions, security);
            } catch (RuntimeException e) {
                // another process may take a free port between our probe and the bind: try new ports
                log.warn("embedded Kafka broker failed to start (attempt {}/{}): {}", attempt, BIND_ATTEMPTS,
                        e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static EmbeddedKafkaBroker startOnce(int defaultPartitions, ScramSecurity security) {
        Path dir = createTempDir();
        KafkaRaftServer server = null;
        try {
            int port = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(dir, port, controllerPort);
            props.put("num.partitions", String.valueOf(defaultPartitions));
            if (security != null) {
                security.secure(props, HOST, port);
            }
            format(dir, security == null ? List.of() : security.scramArguments());
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            log.info("embedded Kafka broker listening on {}:{} (data in {})", HOST, port, dir);
            return new EmbeddedKafkaBroker(dir, server, port);
        } catch (Exception e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            deleteRecursively(dir);
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    static Properties brokerProperties(Path dir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static void format(Path dir, List<String> scram) throws Exception {
        new Formatter()
                .setScramArguments(scram)
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dir.toString())
                .addDirectory(dir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The temporary directory holding the broker's logs; gone after {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and deletes its data. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("stopping embedded Kafka broker on {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(dataDir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("paperfeed-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the broker", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", dir, e.getMessage());
        }
    }
}
