package io.paperfeed.embeddings;

import io.paperfeed.model.PaperEmbedding;

/** Turns text into a sentence embedding. Implementations are thread-safe. */
public interface TextEmbedder {

    /** The id of the model, carried on every embedding it makes ({@link PaperEmbedding#model()}). */
    String modelId();

    /** The embedding of one text, normalised to unit length. */
    float[] embed(String text);

    /** The embedding of one text, quantized for a record. */
    default PaperEmbedding embedding(String text) {
        return PaperEmbedding.of(modelId(), embed(text));
    }
}
