/**
 * Like lists made usable: {@link io.paperfeed.subscriptions.like.LikeResolver} gives each liked paper of a
 * subscription its embedding before it is published (ids resolved against a {@link
 * io.paperfeed.subscriptions.like.PaperLookup}: in the API, the process's one store of the papers of
 * {@code paperfeed.papers.classified} of the last 30 days, {@code io.paperfeed.consumer.recent.RecentPapers};
 * inline titles and abstracts embedded in-process), {@link io.paperfeed.subscriptions.like.Library}
 * reads an uploaded BibTeX, RIS or CSL JSON (Zotero) library into liked papers, and
 * {@link io.paperfeed.subscriptions.like.PaperIds} turns the spellings of an arXiv id into a canonical id.
 * A subscription on the topic carries its resolved like list, so every streams instance builds the same
 * profile without a lookup.
 */
package io.paperfeed.subscriptions.like;
