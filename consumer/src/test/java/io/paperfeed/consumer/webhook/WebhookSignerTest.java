package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Delivery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /**
     * The published vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks,
     * libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java, verifyWebhookSignWorks).
     */
    @Test
    void reproducesTheStandardWebhooksTestVector() {
        WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void theIdTimestampAndBodyAllCount() {
        WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        String base = signer.sign("msg_1", 1614265330, body);
        assertNotEquals(base, signer.sign("msg_2", 1614265330, body));
        assertNotEquals(base, signer.sign("msg_1", 1614265331, body));
        assertNotEquals(base, signer.sign("msg_1", 1614265330, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSecretWhoseRestIsNotBase64IsRefusedWhenTheSubscriptionIsRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Delivery.webhook("https://example.org/hook", "whsec_not*base64!chars", null));
        assertTrue(e.getMessage().contains("must be standard base64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }
}
