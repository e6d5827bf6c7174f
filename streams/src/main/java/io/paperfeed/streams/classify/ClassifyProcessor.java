package io.paperfeed.streams.classify;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.model.PredictedCategory;
import io.paperfeed.streams.categories.CategoryPredictor;
import io.paperfeed.streams.categories.LabelledPaper;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Adds topics to each canonical paper and, when no feed gave it any categories, predicted arXiv ones
 * (empty when it has categories); a tombstone (retired id) passes through.
 */
public final class ClassifyProcessor implements FixedKeyProcessor<String, CanonicalPaper, CanonicalPaper> {

    private final Taxonomy taxonomy;
    private final Consumer<String> onTopic;
    private final Supplier<CategoryPredictor> predictors;
    private FixedKeyProcessorContext<String, CanonicalPaper> context;
    private TopicClassifier classifier;
    private CategoryPredictor categories;

    /** @param onTopic told each topic id assigned (for metrics) */
    public ClassifyProcessor(Taxonomy taxonomy, Consumer<String> onTopic) {
        this(taxonomy, onTopic, CategoryPredictor::shipped);
    }

    /** @param predictors gives the category predictor in {@code init} (the shipped model is read once per JVM) */
    ClassifyProcessor(Taxonomy taxonomy, Consumer<String> onTopic, Supplier<CategoryPredictor> predictors) {
        this.taxonomy = taxonomy;
        this.onTopic = onTopic;
        this.predictors = predictors;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CanonicalPaper> context) {
        this.context = context;
        this.classifier = new TopicClassifier(taxonomy);
        this.categories = predictors.get();
    }

    @Override
    public void process(FixedKeyRecord<String, CanonicalPaper> record) {
        CanonicalPaper paper = record.value();
        if (paper == null) {
            context.forward(record);
            return;
        }
        // an aggregator's source label ("arXiv.org Artificial Intelligence") is no arXiv category
        boolean hasArxivCategory = paper.categories().stream().anyMatch(LabelledPaper::isArxivCategory);
        List<PredictedCategory> predicted = hasArxivCategory ? List.of() : categories.predict(paper);
        CanonicalPaper classified = paper.withTopics(classifier.classify(paper)).withPredictedCategories(predicted);
        if (classified.change() == CanonicalPaper.Change.NEW) { // papers per topic, not updates of them
            classified.topics().forEach(t -> onTopic.accept(t.id()));
        }
        context.forward(record.withValue(classified));
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
        }
    }
}
