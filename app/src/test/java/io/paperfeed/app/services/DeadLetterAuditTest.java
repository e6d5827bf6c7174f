package io.paperfeed.app.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.DeadLetterWriter;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Rating;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeadLetterAuditTest {

    private static final TopicPartition SUBSCRIPTIONS = new TopicPartition(Topics.SUBSCRIPTIONS.name(), 0);
    private static final TopicPartition CLASSIFIED = new TopicPartition(Topics.PAPERS_CLASSIFIED.name(), 1);
    private static final TopicPartition TOPIC_STREAM = new TopicPartition("paperfeed.topic.kv-cache", 2);
    private static final TopicPartition FEEDBACK = new TopicPartition(Topics.FEEDBACK.name(), 0);

    @Test
    void unreadableRecordsOfTheAuditedTopicsGetOneLetterEachAndGoodOnesNone() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitSync() {
                super.commitSync();
                committed(java.util.Set.of(SUBSCRIPTIONS)).forEach((tp, o) -> committed.put(tp, o.offset()));
            }
        };
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterAudit audit = new DeadLetterAudit(consumer, new DeadLetterWriter(producer, "audit", registry),
                SubscriptionValidator.of(Taxonomy.defaults()));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(SUBSCRIPTIONS, CLASSIFIED, TOPIC_STREAM, FEEDBACK));
            Map<TopicPartition, Long> begin = new HashMap<>();
            for (TopicPartition tp : List.of(SUBSCRIPTIONS, CLASSIFIED, TOPIC_STREAM, FEEDBACK)) {
                begin.put(tp, 0L);
            }
            consumer.updateBeginningOffsets(begin);
            add(consumer, SUBSCRIPTIONS, 0, "kv", "{\"id\":\"kv\",\"topics\":[\"kv-cache\"]}");
            add(consumer, SUBSCRIPTIONS, 1, "kv", null); // a tombstone deletes: data
            add(consumer, SUBSCRIPTIONS, 2, "bad", "{not json");
            add(consumer, SUBSCRIPTIONS, 3, "odd", "{\"id\":\"odd\",\"topics\":[\"no-such-topic\"]}");
            add(consumer, CLASSIFIED, 0, "arxiv:1", new String(PaperSerdes.CANONICAL_PAPER.serialize("t", paper()),
                    StandardCharsets.UTF_8));
            add(consumer, CLASSIFIED, 1, "content:gone", null);
            add(consumer, CLASSIFIED, 2, "arxiv:2", "{\"id\":\"arxiv:2\"}");
            add(consumer, TOPIC_STREAM, 0, "arxiv:3", "[1,2,3]");
            add(consumer, TOPIC_STREAM, 1, "arxiv:4", null);
            String rating = new String(PaperSerdes.RATING.serialize("t", new Rating("kv", "arxiv:1", 1, "T",
                    PaperEmbedding.of("m", new float[] {1, 0}), Instant.EPOCH)), StandardCharsets.UTF_8);
            add(consumer, FEEDBACK, 0, "kv|arxiv:1", rating);
            add(consumer, FEEDBACK, 1, "kv|arxiv:1", null); // a withdrawn rating: data
            add(consumer, FEEDBACK, 2, "kv|arxiv:9", rating); // a rating under another paper's key
            add(consumer, FEEDBACK, 3, "kv|arxiv:2", "{\"color\":\"blue\"}");
        });
        consumer.schedulePollTask(audit::close);
        audit.run();

        List<InvalidItem> letters = producer.history().stream()
                .map(r -> PaperSerdes.INVALID_ITEM.deserialize(r.topic(), r.value())).toList();
        assertEquals(java.util.Set.of("kafka:paperfeed.subscriptions/0@2", "kafka:paperfeed.subscriptions/0@3",
                        "kafka:paperfeed.papers.classified/1@2", "kafka:paperfeed.topic.kv-cache/2@0",
                        "kafka:paperfeed.topic.kv-cache/2@1", "kafka:paperfeed.feedback/0@2",
                        "kafka:paperfeed.feedback/0@3"),
                java.util.Set.copyOf(letters.stream().map(l -> l.source().source()).toList()));
        assertEquals(7, letters.size());
        assertEquals(2.0, registry.get("paperfeed.dead.letters").tag("topic", FEEDBACK.topic()).counter().count());
        assertEquals(2.0, registry.get("paperfeed.dead.letters").tag("topic", SUBSCRIPTIONS.topic()).counter().count());
        assertEquals(4L, committed.get(SUBSCRIPTIONS),
                "committed past every record");
        assertNull(audit.problem());
    }

    private static void add(MockConsumer<String, byte[]> consumer, TopicPartition tp, long offset, String key,
                            String value) {
        consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), offset, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    private static CanonicalPaper paper() {
        return new CanonicalPaper("arxiv:1", "1", 1, null, "T", "An abstract.", List.of(), List.of(), List.of(), null,
                null, null, List.of(), List.of(), List.of(new Provenance("f", "x", 1, Instant.EPOCH)), List.of(),
                CanonicalPaper.Change.NEW);
    }
}
