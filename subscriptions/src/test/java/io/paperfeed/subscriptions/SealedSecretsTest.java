package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Webhook secrets sealed by the one writer and opened by the one reader rule, with key rotation. */
class SealedSecretsTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a signing key!".getBytes());
    private static final String OLD = "old:" + key(1);
    private static final String NEW = "new:" + key(2);

    private static String key(int seed) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) seed);
        return Base64.getEncoder().encodeToString(k);
    }

    private static Subscription withWebhook(String id) {
        return new Subscription(id, null, "kv cache", List.of(), Subscription.Mode.INSTANT, false,
                List.of(Delivery.webhook("https://hooks.example.org/in", SECRET, null)));
    }

    /** What the publisher writes, as bytes on the topic. */
    private static byte[] written(SecretKeys keys, Subscription subscription) throws InterruptedException {
        MockProducer<String, Subscription> producer = new MockProducer<>(true, null, new StringSerializer(),
                PaperSerdes.SUBSCRIPTION.serializer());
        new SubscriptionPublisher(producer, "subs", SubscriptionValidator.anyTopic(), new SubscriptionSecrets(keys))
                .put(subscription);
        return PaperSerdes.SUBSCRIPTION.serializer().serialize("subs", producer.history().get(0).value());
    }

    @Test
    void theTopicNeverHoldsTheSecretAndTheReaderWithTheKeyOpensIt() throws Exception {
        SecretKeys keys = SecretKeys.parse(NEW, "test");
        byte[] onTopic = written(keys, withWebhook("a"));
        String json = new String(onTopic, StandardCharsets.UTF_8);
        assertFalse(json.contains(SECRET.substring(6)), json);
        assertTrue(json.contains("\"secret\":\"sealed:v1:new:"), json);

        SubscriptionTable reader = new SubscriptionTable(SubscriptionValidator.anyTopic(), new SubscriptionSecrets(keys));
        assertEquals(SECRET, reader.apply("a", onTopic, "subs-0@0").current().delivery().get(0).secret());

        SubscriptionTable streams = new SubscriptionTable(SubscriptionValidator.anyTopic());
        Subscription matched = streams.apply("a", onTopic, "subs-0@0").current();
        assertTrue(matched.delivery().get(0).isSealed(), "without the key the subscription still reads, sealed");
        assertEquals(0, streams.unreadable());
    }

    @Test
    void rotationSealsWithTheFirstKeyAndOpensWithEveryListedOne() throws Exception {
        byte[] sealedWithOld = written(SecretKeys.parse(OLD, "test"), withWebhook("a"));
        SecretKeys rotated = SecretKeys.parse(NEW + "\n" + OLD + "   # still opens\n", "test");
        SubscriptionTable table = new SubscriptionTable(SubscriptionValidator.anyTopic(), new SubscriptionSecrets(rotated));
        Subscription opened = table.apply("a", sealedWithOld, "subs-0@0").current();
        assertEquals(SECRET, opened.delivery().get(0).secret());
        String resealed = new String(written(rotated, opened), StandardCharsets.UTF_8);
        assertTrue(resealed.contains("sealed:v1:new:"), "written again, sealed with the new key: " + resealed);

        SecretKeys newOnly = SecretKeys.parse(NEW, "test");
        Subscription stillSealed = new SubscriptionTable(SubscriptionValidator.anyTopic(),
                new SubscriptionSecrets(newOnly)).apply("a", sealedWithOld, "subs-0@1").current();
        assertTrue(stillSealed.delivery().get(0).isSealed(), "an old key removed too early: the secret stays sealed");
    }

    @Test
    void aSealedSecretMovedToAnotherSubscriptionOrAlteredDoesNotOpen() throws Exception {
        SecretKeys keys = SecretKeys.parse(NEW, "test");
        String json = new String(written(keys, withWebhook("victim")), StandardCharsets.UTF_8);
        byte[] moved = json.replace("\"id\":\"victim\"", "\"id\":\"thief\"").getBytes(StandardCharsets.UTF_8);
        SubscriptionTable table = new SubscriptionTable(SubscriptionValidator.anyTopic(), new SubscriptionSecrets(keys));
        SubscriptionTable.Change change = table.apply("thief", moved, "subs-0@2");
        assertNull(change.current());
        assertTrue(change.problem().contains("does not open"), change.problem());
        assertFalse(change.problem().contains(SECRET), "the refusal names no secret");
    }

    @Test
    void withoutAKeyAPlainSecretIsRefusedNotWrittenInClear() {
        MockProducer<String, Subscription> producer = new MockProducer<>(true, null, new StringSerializer(),
                PaperSerdes.SUBSCRIPTION.serializer());
        SubscriptionPublisher publisher = new SubscriptionPublisher(producer, "subs", SubscriptionValidator.anyTopic());
        InvalidSubscriptionException e = assertThrows(InvalidSubscriptionException.class,
                () -> publisher.put(withWebhook("a")));
        assertEquals("no-secrets-key", e.code());
        assertTrue(producer.history().isEmpty());
    }

    @Test
    void disablingASubscriptionReadInPlainTextWorksWithoutAKeyAndSealsWithOne() throws Exception {
        MockProducer<String, Subscription> producer = new MockProducer<>(true, null, new StringSerializer(),
                PaperSerdes.SUBSCRIPTION.serializer());
        new SubscriptionPublisher(producer, "subs", SubscriptionValidator.anyTopic()).disable(withWebhook("a"), "410")
                .get();
        assertEquals(SECRET, producer.history().get(0).value().delivery().get(0).secret(), "rewritten as it was read");
        SecretKeys keys = SecretKeys.parse(NEW, "test");
        new SubscriptionPublisher(producer, "subs", SubscriptionValidator.anyTopic(), new SubscriptionSecrets(keys))
                .disable(withWebhook("a"), "410").get();
        assertTrue(producer.history().get(1).value().delivery().get(0).isSealed(), "sealed where a key is known");
    }

    @Test
    void badKeyFilesSayWhatIsWrongWithoutShowingAKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretKeys.parse("k1:" + shortKey, "keys.txt"));
        assertTrue(e.getMessage().contains("16 bytes") && !e.getMessage().contains(shortKey), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse("no colon here", "keys.txt"));
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse(NEW + "," + NEW, "keys.txt"));
        assertFalse(SecretKeys.parse(NEW, "x").toString().contains(NEW.substring(4)));
    }
}
