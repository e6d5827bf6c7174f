/**
 * The taxonomy: the topics papers are classified into ({@link io.paperfeed.subscriptions.taxonomy.Taxonomy},
 * {@code seeds/topics.yaml} packaged into the jar, {@code --topics FILE} to replace it), each a Lucene
 * query; and {@link io.paperfeed.subscriptions.taxonomy.TopicClassifier}, which gives a paper its topics
 * (BM25 score at least 0.5, the matched words as the why) with lucene-monitor's answers: its query
 * decomposition ({@code TopicQueries}), memory index ({@code PaperIndex}, one per paper for scores and
 * highlights alike), BM25 and highlights, without the monitor's presearcher index and second pass. Here
 * rather than in streams because subscriptions name topic ids, and the API and the matcher check them.
 */
package io.paperfeed.subscriptions.taxonomy;
