package io.paperfeed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest {

    @Test
    void anEmailDeliveryReadsFromJsonAndRoundTrips() {
        Subscription s = PaperSerdes.SUBSCRIPTION.deserialize("t", ("{\"id\":\"kv\",\"query\":\"kv\",\"mode\":\"digest\","
                + "\"delivery\":[{\"type\":\"email\",\"to\":\"ann.ng+papers@example.org\"}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Delivery.email("ann.ng+papers@example.org"), s.delivery().get(0));
        assertEquals(s, PaperSerdes.SUBSCRIPTION.deserialize("t", PaperSerdes.SUBSCRIPTION.serialize("t", s)));
        String webhook = new String(PaperSerdes.SUBSCRIPTION.serialize("t", new Subscription("w", null, "x", null, null,
                false, java.util.List.of(Delivery.webhook("https://example.org/h", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                null)))), StandardCharsets.UTF_8);
        assertFalse(webhook.contains("\"to\""), "deliveries without an address write none: " + webhook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "a@b", "Ann <ann@example.org>", "a@example.org, b@example.org",
            "a@example.org\r\nBcc: victim@example.org", "a b@example.org", "a@-example.org"})
    void anAddressThatIsNotOneMailboxIsRefused(String to) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Delivery.email(to));
        assertTrue(e.getMessage().contains("email delivery needs"), e.getMessage());
    }

    @Test
    void emailTakesOnlyAnAddressAndOthersTakeNone() {
        assertThrows(IllegalArgumentException.class, () -> new Delivery(Delivery.Type.EMAIL, "https://example.org", null,
                null, "a@example.org"));
        assertThrows(IllegalArgumentException.class, () -> new Delivery(Delivery.Type.SSE, null, null, null,
                "a@example.org"));
    }
}
