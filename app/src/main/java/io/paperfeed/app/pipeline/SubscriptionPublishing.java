package io.paperfeed.app.pipeline;

import io.paperfeed.app.cli.UserError;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.subscriptions.SubscriptionsFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Loads a subscriptions file and publishes each valid subscription to the compacted
 * {@code paperfeed.subscriptions} topic (key: its id); each invalid entry is reported with its place
 * and reason, and the valid ones still load.
 */
public final class SubscriptionPublishing {

    private SubscriptionPublishing() {
    }

    public static void publish(String bootstrapServers, Path file, PrintStream out) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserError("subscriptions file " + file + " does not exist");
        }
        SubscriptionsFile.Loaded loaded = SubscriptionsFile.load(file);
        loaded.problems().forEach(problem -> out.println(file + ": " + problem));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer())) {
            for (Subscription subscription : loaded.subscriptions()) {
                producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), subscription.id(), subscription)).get();
            }
        }
        out.printf("loaded %d subscriptions from %s (%d refused)%n", loaded.subscriptions().size(), file,
                loaded.problems().size());
    }
}
