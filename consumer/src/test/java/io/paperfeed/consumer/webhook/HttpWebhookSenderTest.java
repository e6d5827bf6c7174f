package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real HTTP client against a receiver on 127.0.0.1. */
class HttpWebhookSenderTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"test\": 1}".getBytes(StandardCharsets.UTF_8);

    private final ScriptedReceiver receiver = receiver();

    private static ScriptedReceiver receiver() {
        try {
            return new ScriptedReceiver(SECRET);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private static HttpWebhookSender sender(boolean allowLoopback) {
        return new HttpWebhookSender(new AddressGuard(allowLoopback), Duration.ofSeconds(1), Duration.ofMillis(500), 4,
                Clock.systemUTC());
    }

    @Test
    void loopbackIsRefusedBeforeAnyRequestUnlessAllowed() {
        try (HttpWebhookSender strict = sender(false); HttpWebhookSender local = sender(true)) {
            String v6 = receiver.url("/hook").replace("127.0.0.1", "[::1]");
            for (String url : List.of(receiver.url("/hook"), v6, receiver.url("/hook").replace("127.0.0.1", "localhost"))) {
                SendResult r = strict.send(url, "msg_1", BODY, new WebhookSigner(SECRET));
                assertEquals(SendResult.Outcome.REFUSED, r.outcome(), url + ": " + r);
                assertTrue(r.error().contains("loopback"), r.error());
            }
            assertEquals(List.of(), receiver.requests(), "nothing reached the receiver");

            SendResult ok = local.send(receiver.url("/hook"), "msg_1", BODY, new WebhookSigner(SECRET));
            assertEquals(SendResult.Outcome.DELIVERED, ok.outcome(), ok.toString());
            assertTrue(receiver.requests().get(0).signatureValid());
            assertEquals("msg_1", receiver.requests().get(0).webhookId());
        }
    }

    @Test
    void statusesTimeoutsAndRetryAfterAreClassified() throws Exception {
        receiver.on("/gone", (a, r) -> ScriptedReceiver.Answer.status(410))
                .on("/bad", (a, r) -> ScriptedReceiver.Answer.status(400))
                .on("/busy", (a, r) -> ScriptedReceiver.Answer.retryAfter(429, "120"))
                .on("/slow", (a, r) -> ScriptedReceiver.Answer.late(200, 20_000));
        try (HttpWebhookSender sender = sender(true)) {
            WebhookSigner signer = new WebhookSigner(SECRET);
            assertEquals(SendResult.Outcome.GONE, sender.send(receiver.url("/gone"), "m", BODY, signer).outcome());
            assertEquals(SendResult.Outcome.REJECTED, sender.send(receiver.url("/bad"), "m", BODY, signer).outcome());
            SendResult busy = sender.send(receiver.url("/busy"), "m", BODY, signer);
            assertEquals(SendResult.Outcome.RETRIABLE, busy.outcome());
            Instant asked = busy.retryAfter().orElseThrow();
            assertTrue(asked.isAfter(Instant.now().plusSeconds(100)), asked.toString());

            // the receiver would answer 200 after 20 s: only the whole-request deadline makes this a retry
            SendResult slow = sender.send(receiver.url("/slow"), "m", BODY, signer);
            assertEquals(SendResult.Outcome.RETRIABLE, slow.outcome(), slow.toString());

            receiver.stop();
            SendResult down = sender.send(receiver.url("/x"), "m", BODY, signer);
            assertEquals(SendResult.Outcome.RETRIABLE, down.outcome(), down.toString());
        }
    }
}
