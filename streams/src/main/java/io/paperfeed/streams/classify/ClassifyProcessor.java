package io.paperfeed.streams.classify;

import io.paperfeed.model.CanonicalPaper;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Adds topics to each canonical paper; a tombstone (retired id) passes through. */
public final class ClassifyProcessor implements FixedKeyProcessor<String, CanonicalPaper, CanonicalPaper> {

    private final Taxonomy taxonomy;
    private final Consumer<String> onTopic;
    private FixedKeyProcessorContext<String, CanonicalPaper> context;
    private TopicClassifier classifier;

    /** @param onTopic told each topic id assigned (for metrics) */
    public ClassifyProcessor(Taxonomy taxonomy, Consumer<String> onTopic) {
        this.taxonomy = taxonomy;
        this.onTopic = onTopic;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CanonicalPaper> context) {
        this.context = context;
        this.classifier = new TopicClassifier(taxonomy);
    }

    @Override
    public void process(FixedKeyRecord<String, CanonicalPaper> record) {
        CanonicalPaper paper = record.value();
        if (paper == null) {
            context.forward(record);
            return;
        }
        CanonicalPaper classified = paper.withTopics(classifier.classify(paper));
        classified.topics().forEach(t -> onTopic.accept(t.id()));
        context.forward(record.withValue(classified));
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
        }
    }
}
