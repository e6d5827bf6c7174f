/**
 * Topics: the taxonomy ({@link io.paperfeed.subscriptions.taxonomy.Taxonomy}, seeds/topics.yaml), the fields a
 * paper is matched on ({@link io.paperfeed.subscriptions.query.PaperFields}), the lucene-monitor classifier
 * that gives each paper its topics with a score and the matched words, and the per-topic output streams.
 */
package io.paperfeed.streams.classify;
