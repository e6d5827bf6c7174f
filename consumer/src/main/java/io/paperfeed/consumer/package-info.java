/**
 * The consumer side: {@link io.paperfeed.consumer.AlertConsumer} reads {@code paperfeed.alerts}
 * (key: subscription id, value: Alert JSON) with read_committed isolation and hands every alert to
 * an {@link io.paperfeed.consumer.AlertSink}, committing offsets only after delivery (at-least-once;
 * receivers drop repeats by {@code alertId}). {@link io.paperfeed.consumer.AlertLine} renders an
 * alert as one readable line.
 */
package io.paperfeed.consumer;
