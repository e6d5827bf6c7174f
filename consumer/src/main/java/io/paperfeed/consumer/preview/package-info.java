/**
 * Previewing a subscription before creating it ({@code POST /subscriptions/preview}): which papers of
 * the last N days (default 30) it would have matched, with the topics and words that matched.
 *
 * <p>The papers are the process's {@link io.paperfeed.consumer.recent.RecentPapers} (classified papers of
 * the last 30 days in memory and in an in-memory Lucene index, shared with like-list resolution).
 * {@link io.paperfeed.consumer.preview.SubscriptionPreview} runs the subscription's one query over the
 * index, then confirms and explains the newest hits with the streams app's own
 * {@code SubscriptionMatcher}, so a preview lists the papers the subscription would alert. A subscription
 * with a like list is not previewed (the API answers 400 {@code preview-unsupported}): its matches are
 * scores of each paper's embedding, which the index cannot search.
 */
package io.paperfeed.consumer.preview;
