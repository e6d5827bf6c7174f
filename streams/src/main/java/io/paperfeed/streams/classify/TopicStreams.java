package io.paperfeed.streams.classify;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.PaperSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Copies each classified paper to one Kafka topic per taxonomy topic it has,
 * {@code paperfeed.topic.<id>} (key: paper id), so a service can follow a single topic.
 */
public final class TopicStreams {

    /** A paper on its way to one topic's stream. */
    record Routed(String kafkaTopic, CanonicalPaper paper) {
    }

    private static final Serde<Routed> ROUTED = Serdes.serdeFrom(
            (topic, routed) -> PaperSerdes.CANONICAL_PAPER.serialize(topic, routed.paper()),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("topic streams are written, not read, here");
            });

    private TopicStreams() {
    }

    public static void addTo(KStream<String, CanonicalPaper> classified) {
        classified
                .flatMapValues(TopicStreams::routes, Named.as("per-topic"))
                .to((key, routed, context) -> routed.kafkaTopic(), Produced.with(Serdes.String(), ROUTED)
                        .withName("to-topic-streams"));
    }

    private static List<Routed> routes(CanonicalPaper paper) {
        if (paper == null) {
            return List.of();
        }
        return paper.topics().stream().map(TopicMatch::id)
                .map(id -> new Routed(kafkaTopic(id), paper)).toList();
    }

    /** {@code paperfeed.topic.<id>}. */
    public static String kafkaTopic(String topicId) {
        return io.paperfeed.model.topics.Topics.topicStream(topicId).name();
    }
}
