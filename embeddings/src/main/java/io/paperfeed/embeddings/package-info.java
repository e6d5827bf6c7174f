/**
 * Sentence embeddings of papers, computed in-process. {@link io.paperfeed.embeddings.TextEmbedder} is
 * the seam; {@link io.paperfeed.embeddings.MiniLmEmbedder} runs all-MiniLM-L6-v2 (8-bit quantized,
 * 384 dimensions) on ONNX Runtime from the model inside langchain4j's Maven jar, one intra-op thread per
 * call. {@link io.paperfeed.embeddings.PaperText} says what of a paper is embedded (title and abstract)
 * and names the version of that text, so the streams app embeds each version once. Embeddings travel
 * quantized as {@link io.paperfeed.model.PaperEmbedding} (one byte a dimension).
 */
package io.paperfeed.embeddings;
