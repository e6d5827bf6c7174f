/**
 * The taxonomy: the topics papers are classified into ({@link io.paperfeed.subscriptions.taxonomy.Taxonomy},
 * {@code seeds/topics.yaml} packaged into the jar, {@code --topics FILE} to replace it), each a Lucene
 * query; and {@link io.paperfeed.subscriptions.taxonomy.TopicClassifier}, which gives a paper its topics
 * (lucene-monitor, BM25 score at least 0.5, the matched words as the why). Here rather than in streams
 * because subscriptions name topic ids, and the API and the matcher check them.
 */
package io.paperfeed.subscriptions.taxonomy;
