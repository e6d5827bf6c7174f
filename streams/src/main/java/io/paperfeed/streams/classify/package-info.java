/**
 * Classification in the topology: {@link io.paperfeed.streams.classify.ClassifyProcessor} gives each
 * canonical paper its topics (the taxonomy's {@code TopicClassifier}) and, when no feed gave arXiv
 * categories, predicted ones; {@link io.paperfeed.streams.classify.TopicStreams} copies each classified
 * paper to {@code paperfeed.topic.<id>} for each topic it has.
 */
package io.paperfeed.streams.classify;
