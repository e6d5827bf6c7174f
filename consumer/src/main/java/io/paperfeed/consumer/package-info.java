/**
 * The consumer side: {@link io.paperfeed.consumer.AlertConsumer} reads {@code paperfeed.alerts}
 * (key: subscription id, value: Alert JSON) with read_committed isolation and hands every alert to
 * an {@link io.paperfeed.consumer.AlertSink}, committing offsets only after delivery (at-least-once;
 * receivers drop repeats by {@code alertId}). A record that is not an alert is dead-lettered by
 * {@link io.paperfeed.consumer.DeadLetterWriter} to {@code paperfeed.papers.invalid} (its topic, partition,
 * offset and bytes; acknowledged before the commit that moves past it) and counted in
 * {@code paperfeed.dead.letters}. {@link io.paperfeed.consumer.AlertLine} renders an alert as one readable line.
 */
package io.paperfeed.consumer;
