/**
 * Previewing a subscription before creating it ({@code POST /subscriptions/preview}): which papers of
 * the last N days (default 30) it would have matched, with the topics and words that matched.
 *
 * <p>{@link io.paperfeed.consumer.preview.RecentPapersReader} keeps
 * {@link io.paperfeed.consumer.preview.RecentPapers} filled from {@code paperfeed.papers.classified}
 * (key: paper id; tombstones remove a retired id), read group-less from the window's first record on:
 * the papers in memory and in an in-memory Lucene index of the fields subscriptions match on, analysed
 * as the matcher analyses them, bounded by age and count.
 * {@link io.paperfeed.consumer.preview.SubscriptionPreview} runs the subscription's one query over the
 * index, then confirms and explains the newest hits with the streams app's own
 * {@code SubscriptionMatcher}, so a preview lists the papers the subscription would alert.
 */
package io.paperfeed.consumer.preview;
