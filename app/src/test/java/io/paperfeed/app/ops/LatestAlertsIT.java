package io.paperfeed.app.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The public status page's latest alerts are the public subscriptions' only: a private one's need its token. */
class LatestAlertsIT {

    /** A broker of its own: these alerts must not reach other tests' pipelines. */
    @Test
    void aPrivateSubscriptionsAlertsNeverReachThePublicPage() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            check(broker);
        }
    }

    private void check(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS.name(), Optional.empty(), Optional.empty())))
                    .values().values().forEach(f -> {
                        try {
                            f.get();
                        } catch (Exception exists) {
                            // created by another test
                        }
                    });
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (String subscription : List.of("all-papers", "secret-watch-" + run, "all-papers", "private-" + run)) {
                Alert alert = alert(subscription, run);
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), subscription,
                        PaperSerdes.ALERT.serialize(Topics.ALERTS.name(), alert))).get();
            }
        }
        try (LatestAlerts latest = new LatestAlerts(new KafkaClients(broker.bootstrapServers()), 20, Set.of("all-papers"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> latest.newestFirst().stream()
                    .filter(a -> a.paper().title().endsWith(run)).count() == 2);
            assertEquals(Set.of("all-papers"), Set.copyOf(latest.newestFirst().stream().map(Alert::subscriptionId).toList()));
        }
    }

    private static Alert alert(String subscription, String run) {
        PaperEvent e = new PaperEvent("2501.00001", 1, null, "A title " + run, "An abstract.", null, null, null, null,
                null, new Provenance("seeds/x.txt", "f", 1, Instant.EPOCH));
        CanonicalPaper paper = CanonicalPaper.firstSighting("arxiv:2501.00001", e);
        return new Alert("alert_" + UUID.randomUUID(), subscription, paper, List.of(), List.of(), Instant.now());
    }
}
