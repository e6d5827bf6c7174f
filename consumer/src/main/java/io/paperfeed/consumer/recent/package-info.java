/**
 * The papers a process saw lately, kept once per process: {@link io.paperfeed.consumer.recent.RecentPapersReader}
 * (the one {@code TopicReader} of {@code paperfeed.papers.classified} in a process, group-less, read committed,
 * from the first record of the window on; key: paper id, a tombstone removes a retired id; an unreadable record
 * is counted and skipped) fills {@link io.paperfeed.consumer.recent.RecentPapers}: the classified papers of the
 * last 30 days (by record time), at most 100,000, in memory and in an in-memory Lucene index analysed as the
 * matcher analyses. Two parts of the API read it: the preview searches the index
 * ({@code io.paperfeed.consumer.preview}), and like lists and ratings find a paper and its embedding by its id
 * or any earlier id (it is the {@code PaperLookup} of {@code LikeResolver}). A paper older than the window is
 * not found: a like list then names it with its title and abstract instead.
 */
package io.paperfeed.consumer.recent;
