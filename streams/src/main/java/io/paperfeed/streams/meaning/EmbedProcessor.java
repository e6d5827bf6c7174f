package io.paperfeed.streams.meaning;

import io.paperfeed.embeddings.PaperText;
import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.streams.categories.CategoryPredictor;
import io.paperfeed.streams.categories.LabelledPaper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The embed step, between classify and alerts: gives a classified paper its embedding (title and abstract),
 * computed once per version of that text: the store {@value #STORE} (paper id → text version and embedding,
 * changelogged, partitioned like the papers) answers for an UPDATED paper whose text did not change, and
 * under an alias for a paper that changed id. Then a paper no topic query matched gets its nearest topics
 * by meaning, and a paper no feed gave an arXiv category gets its predicted categories from the embedding
 * ({@link EmbeddingCategories}, in place of the TF-IDF guess of classify). Whether a paper is embedded at all is the {@link EmbeddingMode}'s call. A tombstone passes
 * through and forgets its id.
 */
public final class EmbedProcessor implements FixedKeyProcessor<String, CanonicalPaper, CanonicalPaper> {

    public static final String STORE = "paper-embeddings";

    /** What the step did with a paper, for metrics. */
    public enum Outcome { COMPUTED, REUSED, SKIPPED }

    private final EmbeddingMode mode;
    private final Supplier<TextEmbedder> embedders;
    private final Supplier<TopicsByMeaning> topicSupplier;
    private final BooleanSupplier profilesExist;
    private final Consumer<Outcome> onOutcome;
    private final Consumer<String> onTopic;
    private FixedKeyProcessorContext<String, CanonicalPaper> context;
    private KeyValueStore<String, String> store;
    private TextEmbedder embedder;
    private TopicsByMeaning topics;
    private EmbeddingCategories categories;

    /**
     * @param embedders     gives the embedder in {@code init} (the model is loaded once per JVM)
     * @param topicSupplier gives the taxonomy's topic vectors in {@code init}
     * @param profilesExist whether some subscription has a profile now (its papers need embeddings)
     * @param onOutcome     told what was done with each paper (for metrics)
     * @param onTopic       told each topic found by meaning for a NEW paper (for metrics)
     */
    public EmbedProcessor(EmbeddingMode mode, Supplier<TextEmbedder> embedders, Supplier<TopicsByMeaning> topicSupplier,
                          BooleanSupplier profilesExist, Consumer<Outcome> onOutcome, Consumer<String> onTopic) {
        this.onTopic = onTopic;
        this.mode = mode;
        this.embedders = embedders;
        this.topicSupplier = topicSupplier;
        this.profilesExist = profilesExist;
        this.onOutcome = onOutcome;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CanonicalPaper> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.embedder = embedders.get();
        this.topics = topicSupplier.get();
        this.categories = EmbeddingCategories.shipped();
    }

    @Override
    public void process(FixedKeyRecord<String, CanonicalPaper> record) {
        CanonicalPaper paper = record.value();
        if (paper == null) {
            store.delete(record.key());
            context.forward(record);
            return;
        }
        if (!needed(paper)) {
            onOutcome.accept(Outcome.SKIPPED);
            context.forward(record);
            return;
        }
        String text = PaperText.of(paper);
        String version = PaperText.version(embedder.modelId(), text);
        PaperEmbedding embedding = stored(paper, version);
        if (embedding == null) {
            embedding = embedder.embedding(text);
            onOutcome.accept(Outcome.COMPUTED);
        } else {
            onOutcome.accept(Outcome.REUSED);
        }
        store.put(paper.id(), version + "\t" + embedding.model() + "\t" + embedding.vector());
        CanonicalPaper embedded = paper.withEmbedding(embedding);
        float[] vector = embedding.values();
        if (!hasArxivCategory(paper) && categories.model().equals(embedding.model()) && longEnough(paper)) {
            embedded = embedded.withPredictedCategories(categories.predict(vector)); // replaces the TF-IDF guess
        }
        if (paper.topics().isEmpty()) {
            embedded = embedded.withTopics(topics.nearest(vector));
            if (paper.change() == CanonicalPaper.Change.NEW) {
                embedded.topics().forEach(t -> onTopic.accept(t.id()));
            }
        }
        context.forward(record.withValue(embedded));
    }

    private boolean needed(CanonicalPaper paper) {
        return switch (mode) {
            case ALWAYS -> true;
            case OFF -> false;
            case NEEDED -> paper.topics().isEmpty() || !hasArxivCategory(paper) || profilesExist.getAsBoolean();
        };
    }

    /** As for the TF-IDF guess: a text of a few words predicts no category. */
    private static boolean longEnough(CanonicalPaper paper) {
        return PaperText.of(paper).split("\\s+").length >= CategoryPredictor.MIN_KNOWN_WORDS;
    }

    /** An aggregator's source label ("arXiv.org Artificial Intelligence") is no arXiv category. */
    private static boolean hasArxivCategory(CanonicalPaper paper) {
        return paper.categories().stream().anyMatch(LabelledPaper::isArxivCategory);
    }

    /** The embedding stored for this version of the paper's text, under its id or an alias; null if none. */
    private PaperEmbedding stored(CanonicalPaper paper, String version) {
        List<String> ids = new ArrayList<>(paper.aliases().size() + 1);
        ids.add(paper.id());
        ids.addAll(paper.aliases());
        for (String id : ids) {
            String value = store.get(id);
            if (value != null) {
                String[] parts = value.split("\t", 3);
                if (parts.length == 3 && parts[0].equals(version)) {
                    return new PaperEmbedding(parts[1], parts[2]);
                }
            }
        }
        return null;
    }
}
