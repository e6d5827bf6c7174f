package io.paperfeed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionDisabledTest {

    @Test
    void subscriptionsWithoutTheFieldReadAsEnabled() {
        Subscription s = PaperSerdes.SUBSCRIPTION.deserialize("t",
                "{\"id\": \"a\", \"query\": \"svd\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(s.disabled());
        assertNull(s.disabledReason());
        assertEquals(s, new Subscription("a", null, "svd", List.of(), null, false, null));
    }

    @Test
    void aDisabledSubscriptionKeepsEverythingElseAndRoundTrips() {
        Subscription s = new Subscription("a", "A", "svd", List.of("kv-cache"), Subscription.Mode.DIGEST, true,
                List.of(Delivery.webhook("https://example.org/h", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null)));
        Subscription off = s.disable("webhook https://example.org/h answered 410 Gone at 2026-01-01T00:00:00Z");
        assertTrue(off.disabled());
        assertEquals(s.delivery(), off.delivery());
        assertEquals(off, PaperSerdes.SUBSCRIPTION.deserialize("t", PaperSerdes.SUBSCRIPTION.serialize("t", off)));
        String json = new String(PaperSerdes.SUBSCRIPTION.serialize("t", off), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"disabled\":true") && json.contains("410 Gone"), json);
    }

    @Test
    void retryAndDeadLetterRecordsRoundTrip() {
        PaperEvent e = new PaperEvent("2501.00001", 1, null, "T", "An abstract.", null, null, null, null, null, null,
                new Provenance("s", "f", 1, Instant.EPOCH));
        Alert alert = new Alert("alert_1", "a", CanonicalPaper.firstSighting("arxiv:2501.00001", e), List.of(),
                List.of(), Instant.EPOCH);
        WebhookRetry retry = new WebhookRetry(alert, "https://example.org/h", 2, Instant.EPOCH, "HTTP 503");
        assertEquals(retry, PaperSerdes.WEBHOOK_RETRY.deserialize("t", PaperSerdes.WEBHOOK_RETRY.serialize("t", retry)));
        WebhookDeadLetter dead = new WebhookDeadLetter(alert, "https://example.org/h", 8, "HTTP 503", "exhausted",
                Instant.EPOCH);
        assertEquals(dead, PaperSerdes.WEBHOOK_DEAD_LETTER.deserialize("t",
                PaperSerdes.WEBHOOK_DEAD_LETTER.serialize("t", dead)));
    }
}
