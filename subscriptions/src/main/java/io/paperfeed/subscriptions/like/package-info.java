/**
 * Like lists made usable: {@link io.paperfeed.subscriptions.like.LikeResolver} gives each liked paper of a
 * subscription its embedding before it is published (ids resolved against {@link
 * io.paperfeed.subscriptions.like.RecentPapers}, the papers of {@code paperfeed.papers.classified} a service
 * read lately; inline titles and abstracts embedded in-process), {@link io.paperfeed.subscriptions.like.Library}
 * reads an uploaded BibTeX, RIS or CSL JSON (Zotero) library into liked papers, and
 * {@link io.paperfeed.subscriptions.like.PaperIds} turns the spellings of an arXiv id into a canonical id.
 * A subscription on the topic carries its resolved like list, so every streams instance builds the same
 * profile without a lookup.
 */
package io.paperfeed.subscriptions.like;
