package io.paperfeed.streams;

import io.paperfeed.model.topics.Topic;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A {@link Topic}'s serdes as the Kafka Streams DSL takes them (kept here, so the model needs no Kafka Streams). */
public final class StreamsTopics {

    private StreamsTopics() {
    }

    public static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde());
    }

    public static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde());
    }
}
