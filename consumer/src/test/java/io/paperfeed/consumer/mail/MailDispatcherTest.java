package io.paperfeed.consumer.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.webhook.RetrySchedule;
import io.paperfeed.consumer.webhook.SendResult;
import io.paperfeed.consumer.render.RatingLinks;
import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.MailDeadLetter;
import io.paperfeed.model.MailRetry;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the dispatcher does with each SMTP outcome, with a scripted sender and a MockProducer. */
class MailDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<MimeMessage> sent = new ArrayList<>();
    private final MailSettings settings = new MailSettings(URI.create("smtp://127.0.0.1:2525"), "paperfeed@example.org",
            null, null, null, null, null, "http://127.0.0.1:8080", null, null,
            new RetrySchedule(List.of(Duration.ofSeconds(5)), 0), 1);
    private final Subscription subscription = new Subscription("kv", null, "kv", List.of(), null, false,
            List.of(Delivery.email("ann@example.org")));

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    private MailDispatcher dispatcher(SendResult result) {
        MailSender sender = message -> {
            sent.add(message);
            return result;
        };
        MailComposer composer = new MailComposer(new SmtpMailSender(settings).session(), settings.from(),
                settings.publicUrl(), Map.of(), new UnsubscribeLinks(settings.publicUrl(), s -> Optional.empty()),
                RatingLinks.none());
        return new MailDispatcher(sender, composer, producer, null, settings, new MailMetrics(new SimpleMeterRegistry()),
                pool, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MailJob job() {
        PaperEvent e = new PaperEvent("2507.00001", 1, null, "T", "An abstract.", List.of(), List.of(), null, null, null,
                List.of(), new Provenance("x", "f", 1, Instant.EPOCH));
        Alert alert = new Alert("alert_1", "kv", CanonicalPaper.firstSighting("arxiv:2507.00001", e), List.of(),
                List.of(), NOW);
        return new MailJob(alert, null, "ann@example.org");
    }

    @Test
    void aTemporaryFailureIsRetriedAndTheLastOneDeadLettered() throws Exception {
        MailDispatcher dispatcher = dispatcher(SendResult.failed("SMTP 451 try again later"));
        dispatcher.attempt(subscription, job(), 1).get();
        MailRetry retry = PaperSerdes.MAIL_RETRY.deserialize("t", producer.history().get(0).value());
        assertEquals(2, retry.attempt());
        assertEquals(NOW.plusSeconds(5), retry.dueAt());
        assertEquals("SMTP 451 try again later", retry.lastError());
        assertEquals(settings.topics().retry(), producer.history().get(0).topic());

        dispatcher.attempt(subscription, job(), 2).get();
        MailDeadLetter letter = PaperSerdes.MAIL_DEAD_LETTER.deserialize("t", producer.history().get(1).value());
        assertEquals("exhausted", letter.reason());
        assertEquals(2, letter.attempts());
        assertEquals(settings.topics().deadLetters(), producer.history().get(1).topic());
        assertEquals(sent.get(0).getMessageID(), sent.get(1).getMessageID(), "the same Message-ID on every attempt");
    }

    @Test
    void aPermanentRefusalIsDeadLetteredAtOnce() throws Exception {
        dispatcher(new SendResult(SendResult.Outcome.REJECTED, 550, "SMTP 550 no such user", Optional.empty()))
                .attempt(subscription, job(), 1).get();
        assertEquals(1, producer.history().size());
        MailDeadLetter letter = PaperSerdes.MAIL_DEAD_LETTER.deserialize("t", producer.history().get(0).value());
        assertEquals("rejected", letter.reason());
        assertTrue(letter.lastError().contains("550"));
    }

    @Test
    void aDeliveredMailHandsNothingOn() throws Exception {
        dispatcher(new SendResult(SendResult.Outcome.DELIVERED, 250, null, Optional.empty()))
                .attempt(subscription, job(), 1).get();
        assertTrue(producer.history().isEmpty());
        assertEquals(1, sent.size());
    }
}
