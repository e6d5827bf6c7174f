/**
 * The producer: {@link io.paperfeed.producer.FeedPublisher} parses feed files with the
 * {@code parse} package and publishes each paper to {@code paperfeed.papers.raw} (key: source item key
 * {@code path#position}, value: PaperEvent JSON) and each unreadable item to
 * {@code paperfeed.papers.invalid}. Writes are idempotent with acks=all; a publish run returns only
 * after every record is acknowledged, and fails loudly if any was not.
 */
package io.paperfeed.producer;
