/**
 * The query language of topics and subscriptions: Lucene classic syntax over the fields of
 * {@link io.paperfeed.subscriptions.query.PaperFields} (title and abstract English-stemmed, authors as
 * words, categories and topics as lowercase keywords), parsed by
 * {@link io.paperfeed.subscriptions.query.QueryParsing} (bare words search title^2 and abstract).
 * {@link io.paperfeed.subscriptions.query.SubscriptionQuery} makes a subscription's query and topic list
 * one query and refuses what would match nothing; {@link io.paperfeed.subscriptions.query.SubscriptionAnalyzer}
 * keeps a phrase from spanning two authors.
 */
package io.paperfeed.subscriptions.query;
