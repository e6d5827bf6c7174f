/**
 * The query language of topics and subscriptions: Lucene classic syntax over the fields of
 * {@link io.paperfeed.subscriptions.query.PaperFields} (title and abstract English-stemmed, authors as
 * words, categories and topics as lowercase keywords), parsed by
 * {@link io.paperfeed.subscriptions.query.QueryParsing} (bare words search title^2 and abstract).
 * {@link io.paperfeed.subscriptions.query.SubscriptionQuery} makes a subscription's query and topic list
 * one query and refuses what would match nothing; {@link io.paperfeed.subscriptions.query.SubscriptionAnalyzer}
 * keeps a phrase from spanning two authors. Authors are first-class:
 * {@link io.paperfeed.subscriptions.query.AuthorNames} keys each author by surname and initial (and
 * given name), {@code AuthorTokenizer} indexes those keys after the author's words, and the parser
 * rewrites a quoted name in {@code authors:} to its key, so an author watch survives name order and
 * initials in every matcher and the preview alike (they all analyse papers with the
 * {@code SubscriptionAnalyzer}). {@link io.paperfeed.subscriptions.query.AnalysedText} is the English analysis
 * of a title or abstract, kept per thread so classification and matching analyse a paper's text once.
 */
package io.paperfeed.subscriptions.query;
