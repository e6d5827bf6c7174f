package io.paperfeed.streams.meaning;

import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/** Adds the embed step ({@link EmbedProcessor}) and its store to a topology. */
public final class MeaningStep {

    private MeaningStep() {
    }

    /** With the shipped model (all-MiniLM-L6-v2, quantized), loaded once per JVM. */
    public static KStream<String, CanonicalPaper> addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
            EmbeddingMode mode, Taxonomy taxonomy, BooleanSupplier profilesExist,
            Consumer<EmbedProcessor.Outcome> onOutcome, Consumer<String> onTopic) {
        return addTo(builder, classified, mode, MiniLmEmbedder::shared, taxonomy, profilesExist, onOutcome, onTopic);
    }

    public static KStream<String, CanonicalPaper> addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
            EmbeddingMode mode, Supplier<TextEmbedder> embedders, Taxonomy taxonomy, BooleanSupplier profilesExist,
            Consumer<EmbedProcessor.Outcome> onOutcome, Consumer<String> onTopic) {
        if (mode == EmbeddingMode.OFF) {
            return classified;
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EmbedProcessor.STORE),
                Serdes.String(), Serdes.String()));
        Supplier<TopicsByMeaning> topics = new Supplier<>() {
            private volatile TopicsByMeaning shared;

            @Override
            public synchronized TopicsByMeaning get() { // one set of topic vectors for every task
                if (shared == null) {
                    shared = new TopicsByMeaning(taxonomy, embedders.get());
                }
                return shared;
            }
        };
        return classified.processValues(() -> new EmbedProcessor(mode, embedders, topics, profilesExist, onOutcome,
                onTopic), Named.as("embed"), EmbedProcessor.STORE);
    }
}
