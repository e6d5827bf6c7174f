package io.paperfeed.consumer.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.consumer.webhook.RetrySchedule;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Digest;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.testkit.KafkaBroker;
import io.paperfeed.testkit.KafkaBrokerExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * E-mail delivery end to end: a real broker, Jakarta Mail over SMTP to a real SMTP server in-process
 * (GreenMail on 127.0.0.1). An instant alert is one multipart message with the reader's title and a
 * one-click unsubscribe; a digest is one message listing every paper; a server that is down is tried
 * again until it is up, with the same Message-ID; an unreadable record before an alert does not stop it,
 * and an unreadable digest or mail retry is dead-lettered on {@code paperfeed.papers.invalid} by the mail
 * loop and the shared retry worker.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MailDeliveryIT {

    private static final RetrySchedule FAST = new RetrySchedule(List.of(Duration.ofMillis(300), Duration.ofMillis(600),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)), 0.1);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final String prefix = "mail-" + UUID.randomUUID();
    private final MailSettings.Topics topics = new MailSettings.Topics(prefix + ".alerts", prefix + ".digests",
            prefix + ".retry", prefix + ".dlq");
    private final String subscriptionsTopic = prefix + ".subscriptions";
    private KafkaProducer<String, byte[]> producer;
    private SubscriptionView view;
    private GreenMail smtp;
    private MailDeliveryService service;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    MailDeliveryIT(KafkaBroker broker) {
        this.bootstrap = broker.bootstrapServers();
    }

    @BeforeEach
    void open() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.alerts(), 1, (short) 1), new NewTopic(topics.digests(), 1, (short) 1),
                    new NewTopic(topics.retry(), 1, (short) 1), new NewTopic(topics.deadLetters(), 1, (short) 1),
                    new NewTopic(subscriptionsTopic, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(),
                new ByteArraySerializer());
        view = SubscriptionView.open(new KafkaClients(bootstrap), "mail-it-view", subscriptionsTopic,
                SubscriptionValidator.anyTopic()).start();
    }

    @AfterEach
    void close() throws Exception {
        if (service != null) {
            service.close();
        }
        view.close();
        producer.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void startMail(int port) throws Exception {
        MailSettings settings = new MailSettings(URI.create("smtp://127.0.0.1:" + port), "paperfeed <paperfeed@example.org>",
                MailSettings.Tls.NONE, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5), "http://127.0.0.1:8080",
                "mail-it-" + prefix, topics, FAST, 2);
        UnsubscribeLinks links = new UnsubscribeLinks("http://127.0.0.1:8080", s -> Optional.of(("key-" + s.id())
                .getBytes(StandardCharsets.UTF_8)));
        RatingLinks rating = new RatingLinks("http://127.0.0.1:8080", s -> Optional.of(("key-" + s.id())
                .getBytes(StandardCharsets.UTF_8)));
        service = new MailDeliveryService(settings, new KafkaClients(bootstrap), view, Map.of("kv-cache", "KV cache"),
                links, rating, registry);
        service.start(Duration.ofSeconds(30));
    }

    private GreenMail smtpOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private void publish(Subscription s) throws Exception {
        producer.send(new ProducerRecord<>(subscriptionsTopic, s.id(), PaperSerdes.SUBSCRIPTION.serialize("t", s))).get();
        assertTrue(view.awaitCaughtUp(Duration.ofSeconds(10)));
    }

    private static Alert alert(String subscription, int n, String title) {
        String id = String.format("2507.%05d", n);
        PaperEvent e = new PaperEvent(id, 1, null, title, "We compress the KV cache by $4\\times$.",
                List.of("Ann Ng", "Bo Li"), List.of("cs.CL"), null, null, null, List.of(),
                new Provenance("seeds/x.txt", "f", n, Instant.EPOCH));
        CanonicalPaper paper = CanonicalPaper.firstSighting("arxiv:" + id, e)
                .withTopics(List.of(new TopicMatch("kv-cache", 1, List.of("kv cache"))));
        return new Alert("alert_" + subscription + "_" + n, subscription, paper, List.of("kv-cache"), List.of("kv cache"),
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            if (alternative.getBodyPart(i).isMimeType(type)) {
                return ((String) alternative.getBodyPart(i).getContent()).replace("\r\n", "\n"); // SMTP sends CRLF
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void anInstantAlertIsOneMessageWithTextHtmlAndAOneClickUnsubscribe() throws Exception {
        int port = freePort();
        smtp = smtpOn(port);
        startMail(port);
        publish(new Subscription("kv", "KV watch", "abstract:\"kv cache\"", List.of(), Subscription.Mode.INSTANT, false,
                List.of(Delivery.email("ann@example.org"))));
        Alert alert = alert("kv", 1, "Prefill \\& Decode");
        producer.send(new ProducerRecord<>(topics.alerts(), "kv", "{not an alert".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>(topics.alerts(), "kv", PaperSerdes.ALERT.serialize("t", alert))).get();

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("[paperfeed] Prefill & Decode", message.getSubject());
        assertEquals("ann@example.org", message.getAllRecipients()[0].toString());
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertTrue(text.contains("Prefill & Decode\nAnn Ng and Bo Li\nhttps://arxiv.org/abs/2507.00001"), text);
        assertTrue(text.contains("We compress the KV cache by 4×."), text);
        assertTrue(text.contains("Why: topics: KV cache; matched: “kv cache”"), text);
        assertTrue(html.contains("<a href=\"https://arxiv.org/abs/2507.00001\">Prefill &amp; Decode</a>"), html);
        String unsubscribe = message.getHeader("List-Unsubscribe", null);
        assertTrue(unsubscribe.startsWith("<http://127.0.0.1:8080/unsubscribe?s=kv&a=ann%40example.org&t="), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
        assertEquals("auto-generated", message.getHeader("Auto-Submitted", null));
        assertTrue(message.getMessageID().startsWith("<alert_kv_1."), message.getMessageID());
        String rate = "http://127.0.0.1:8080/rate?s=kv&p=" + java.net.URLEncoder.encode(alert.paper().id(),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("More like this: " + rate + "&r=1&t=") && text.contains("Not this: " + rate + "&r=-1&t="),
                text);
        assertTrue(html.contains(">More like this</a>") && html.contains(">Not this</a>"), html);
    }

    @Test
    void aDigestIsOneMessageListingEveryPaper() throws Exception {
        int port = freePort();
        smtp = smtpOn(port);
        startMail(port);
        publish(new Subscription("kv-daily", "KV daily", "abstract:\"kv cache\"", List.of(), Subscription.Mode.DIGEST,
                false, List.of(Delivery.email("ann@example.org"), Delivery.email("bo@example.org"))));
        List<Alert> alerts = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            alerts.add(alert("kv-daily", n, "KV paper " + n));
        }
        Digest digest = new Digest("kv-daily", Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z"),
                alerts);
        producer.send(new ProducerRecord<>(topics.digests(), "kv-daily", PaperSerdes.DIGEST.serialize("t", digest))).get();

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 2);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            assertEquals("[paperfeed] 9 new papers for KV daily (2026-01-05)", message.getSubject());
            String text = part(message, "text/plain");
            String html = part(message, "text/html");
            for (int n = 1; n <= 9; n++) {
                String link = String.format("https://arxiv.org/abs/2507.%05d", n);
                assertTrue(text.contains(n + ". KV paper " + n + "\n   Ann Ng and Bo Li\n   " + link), text);
                assertTrue(html.contains("<a href=\"" + link + "\">KV paper " + n + "</a>"), html);
                assertTrue(text.contains("   More like this: http://127.0.0.1:8080/rate?s=kv-daily&p="
                        + java.net.URLEncoder.encode(alerts.get(n - 1).paper().id(), StandardCharsets.UTF_8) + "&r=1&t="), text);
            }
            assertTrue(message.getMessageID().startsWith("<digest.kv-daily.1767571200000."), message.getMessageID());
        }
        assertTrue(!smtp.getReceivedMessages()[0].getMessageID().equals(smtp.getReceivedMessages()[1].getMessageID()),
                "each address its own Message-ID");
    }

    @Test
    void aServerThatIsDownIsTriedAgainWithTheSameMessageId() throws Exception {
        int port = freePort();
        startMail(port); // nothing listens yet: the first attempts fail to connect
        publish(new Subscription("later", null, "abstract:\"kv cache\"", List.of(), Subscription.Mode.INSTANT, false,
                List.of(Delivery.email("ann@example.org"))));
        producer.send(new ProducerRecord<>(topics.alerts(), "later", PaperSerdes.ALERT.serialize("t",
                alert("later", 3, "Late paper")))).get();
        await().atMost(WAIT).until(() -> !new TopicContents(bootstrap, topics.retry()).isEmpty());
        smtp = smtpOn(port);
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        assertTrue(smtp.getReceivedMessages()[0].getMessageID().startsWith("<alert_later_3."));
    }

    @Test
    void unreadableDigestsAndRetriesAreDeadLetteredAndMailGoesOn() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.PAPERS_INVALID.name(), 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        int port = freePort();
        smtp = smtpOn(port);
        startMail(port);
        publish(new Subscription("poisoned", null, "abstract:\"kv cache\"", List.of(), Subscription.Mode.DIGEST, false,
                List.of(Delivery.email("ann@example.org"))));
        producer.send(new ProducerRecord<>(topics.digests(), "poisoned", "{not a digest".getBytes(StandardCharsets.UTF_8)))
                .get();
        producer.send(new ProducerRecord<>(topics.digests(), "poisoned", null)).get();
        producer.send(new ProducerRecord<>(topics.retry(), "poisoned", "[1, 2]".getBytes(StandardCharsets.UTF_8))).get();
        Digest digest = new Digest("poisoned", Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z"),
                List.of(alert("poisoned", 1, "After the poison")));
        producer.send(new ProducerRecord<>(topics.digests(), "poisoned", PaperSerdes.DIGEST.serialize("t", digest))).get();

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        await().atMost(WAIT).until(() -> deadLetters().size() == 3);
        List<InvalidItem> letters = deadLetters();
        assertEquals(List.of("kafka:" + topics.digests() + "/0@0", "kafka:" + topics.digests() + "/0@1",
                "kafka:" + topics.retry() + "/0@0"), letters.stream().map(l -> l.source().source()).sorted().toList());
        assertTrue(letters.stream().allMatch(l -> l.stage().equals("mail")), letters.toString());
        assertEquals(2.0, registry.get("paperfeed.dead.letters").tag("topic", topics.digests()).counter().count());
        assertEquals(1.0, registry.get("paperfeed.dead.letters").tag("topic", topics.retry()).counter().count());
        assertEquals(null, service.problem(), "mail goes on");
    }

    /** The dead letters of this test's topics, among those of every test on the broker. */
    private List<InvalidItem> deadLetters() {
        List<InvalidItem> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_INVALID.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    InvalidItem letter = PaperSerdes.INVALID_ITEM.deserialize(r.topic(), r.value());
                    if (letter.source().source().startsWith("kafka:" + prefix + ".")) {
                        letters.add(letter);
                    }
                }
            }
        }
        return letters;
    }
}
