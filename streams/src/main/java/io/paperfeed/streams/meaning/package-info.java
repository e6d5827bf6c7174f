/**
 * The embed step of the topology, between classify and alerts ({@link io.paperfeed.streams.meaning.EmbedProcessor}):
 * a classified paper gets its sentence embedding (all-MiniLM-L6-v2, quantized, in-process; once per version
 * of its title and abstract, remembered in the changelogged store {@code paper-embeddings} keyed by paper id),
 * carried on the paper to {@code paperfeed.papers.classified}, the topic streams and the subscription matcher,
 * so no consumer computes it again. A paper no topic query matched gets its nearest taxonomy topics by meaning
 * ({@link io.paperfeed.streams.meaning.TopicsByMeaning}, {@code by: meaning}). The step runs in the tasks of
 * sub-topology 2 and scales with the partitions of {@code paperfeed.papers.canonical}; its
 * {@link io.paperfeed.streams.meaning.EmbeddingMode} says when a paper is embedded at all.
 */
package io.paperfeed.streams.meaning;
