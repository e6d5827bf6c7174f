/**
 * Atom 1.0 feeds (RFC 4287) for feed readers: {@code /topics/{id}/feed.atom} (public) and
 * {@code /subscriptions/{id}/feed.atom?token=…} (the subscription's read token, since feed readers send
 * no headers).
 *
 * <p>{@link io.paperfeed.consumer.atom.FeedReaders} keep a bounded in-memory
 * {@link io.paperfeed.consumer.atom.FeedStore} filled from Kafka (group-less readers, read committed):
 * the taxonomy topics' streams {@code paperfeed.topic.<id>} (key: paper id, value: CanonicalPaper) from
 * their last 50 records on, and {@code paperfeed.alerts} (key: subscription id, value: Alert) with
 * {@code paperfeed.digests} (value: Digest) from 30 days back. Each feed holds its latest 50 papers, one
 * entry per paper keyed by the id it was first published under (so a content id that becomes an arXiv
 * id stays one entry, with the same Atom id); a paper in many feeds is held once.
 * {@link io.paperfeed.consumer.atom.AtomFeeds} renders a feed once per change
 * ({@link io.paperfeed.consumer.atom.AtomFeedWriter}, StAX) and answers conditional GETs (ETag,
 * If-None-Match, Last-Modified, If-Modified-Since → 304). Unreadable records are logged with their
 * position, counted ({@code paperfeed.feeds.unreadable}) and skipped.
 */
package io.paperfeed.consumer.atom;
