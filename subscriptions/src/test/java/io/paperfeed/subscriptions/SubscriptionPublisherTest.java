package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SubscriptionPublisherTest {

    private final MockProducer<String, Subscription> producer = new MockProducer<>(true, null, new StringSerializer(),
            PaperSerdes.SUBSCRIPTION.serializer());
    private final SubscriptionPublisher publisher = new SubscriptionPublisher(producer, "subs",
            new SubscriptionValidator(Set.of("kv-cache")));

    @Test
    void aSubscriptionIsWrittenUnderItsIdAndATombstoneDeletesIt() throws InterruptedException {
        RecordMetadata written = publisher.put(Subscription.ofQuery("a", "svd"));
        publisher.delete("a");

        assertEquals("subs", written.topic());
        assertEquals(List.of("a", "a"), producer.history().stream().map(r -> r.key()).toList());
        assertEquals("svd", producer.history().get(0).value().query());
        assertNull(producer.history().get(1).value());
    }

    @Test
    void nothingInvalidIsWritten() {
        assertThrows(InvalidSubscriptionException.class,
                () -> publisher.put(Subscription.ofTopics("a", List.of("no-such-topic"))));
        assertThrows(InvalidSubscriptionException.class, () -> publisher.put(Subscription.ofQuery("a", "svd AND (")));
        assertTrue(producer.history().isEmpty());
    }

    @Test
    void disablingWritesTheDisabledVersionWithItsReason() throws Exception {
        CompletableFuture<RecordMetadata> done = publisher.disable(Subscription.ofQuery("a", "svd"), "410 Gone");
        done.get();
        Subscription written = producer.history().get(0).value();
        assertTrue(written.disabled());
        assertEquals("410 Gone", written.disabledReason());
    }

    @Test
    void aWriteKafkaDoesNotTakeIsAPublishException() {
        MockProducer<String, Subscription> failing = new MockProducer<>(false, null, new StringSerializer(),
                PaperSerdes.SUBSCRIPTION.serializer());
        SubscriptionPublisher p = new SubscriptionPublisher(failing, "subs", SubscriptionValidator.anyTopic());
        Thread answer = new Thread(() -> {
            while (!failing.errorNext(new TimeoutException("no broker"))) {
                Thread.onSpinWait();
            }
        });
        answer.start();
        SubscriptionPublisher.PublishException e = assertThrows(SubscriptionPublisher.PublishException.class,
                () -> p.put(Subscription.ofQuery("a", "svd")));
        assertTrue(e.getMessage().contains("no broker"), e.getMessage());
    }
}
