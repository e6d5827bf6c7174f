package io.paperfeed.streams.alerts;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.topics.Topic;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsService;
import io.paperfeed.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long the streams app takes from its start to matching against every subscription already on the
 * topic (what a restart or a new instance goes through): an embedded broker, the subscription records of
 * a file published first, then one {@link StreamsService}, timed to RUNNING and until its
 * {@code paperfeed.subscriptions.matched} gauge holds them all. The records file comes from
 * {@code OneByOneRestore <folder> <count> <file>} (subscriptions module). Usage:
 * {@code SubscriptionRestoreTiming <records file> [match shards, default 0]}.
 */
public final class SubscriptionRestoreTiming {

    private SubscriptionRestoreTiming() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path state = Files.createTempDirectory("restore-timing");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().partitions(1).start()) {
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            try (Admin admin = clients.admin()) {
                List<NewTopic> topics = new ArrayList<>();
                for (Topic<?, ?> t : Topics.all()) {
                    topics.add(new NewTopic(t.name(), Optional.empty(), Optional.empty()).configs(t.configs()));
                }
                admin.createTopics(topics).all().get();
            }
            long t0 = System.nanoTime();
            try (Producer<String, byte[]> producer = clients.producer("restore-timing", new StringSerializer(),
                    new ByteArraySerializer())) {
                for (String line : lines) {
                    int tab = line.indexOf('\t');
                    producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), line.substring(0, tab),
                            line.substring(tab + 1).getBytes(StandardCharsets.UTF_8)));
                }
            }
            System.out.printf(Locale.ROOT, "published %d subscription records in %.1f s%n", lines.size(),
                    (System.nanoTime() - t0) / 1e9);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            StreamsSettings settings = new StreamsSettings(clients, "restore-timing", state, 1, null, null)
                    .withMatchShards(shards);
            try (StreamsService service = new StreamsService(settings, registry)) {
                long start = System.nanoTime();
                service.start();
                if (!service.awaitRunning(Duration.ofMinutes(20))) {
                    throw new IllegalStateException("not RUNNING after 20 minutes");
                }
                double running = (System.nanoTime() - start) / 1e9;
                await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> held(registry) >= lines.size() * 0.99);
                double held = held(registry);
                System.out.printf(Locale.ROOT, "match shards %d: RUNNING after %.1f s, %d subscriptions matched after %.1f s%n",
                        shards, running, (long) held, (System.nanoTime() - start) / 1e9);
            }
        }
        System.exit(0); // lucene-monitor's purge thread would keep the JVM alive
    }

    private static double held(SimpleMeterRegistry registry) {
        return registry.get("paperfeed.subscriptions.matched").gauge().value();
    }
}
