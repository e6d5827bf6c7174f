/**
 * How paperfeed talks to Kafka outside Kafka Streams' own loop.
 *
 * <p>{@link io.paperfeed.kafka.KafkaClients} builds every producer, consumer and admin client of every
 * service (and the base of the streams properties), so the guarantees (idempotent {@code acks=all}
 * producers, {@code read_committed} consumers, manual commits) and the operator's extra client
 * properties (security, timeouts) are set in one place. {@link io.paperfeed.kafka.TopicReader} keeps a
 * topic read on a thread of its own (a materialised view of a compacted topic, the latest alerts of
 * the status page, the demo's follower) with read-your-writes and catch-up waits.
 */
package io.paperfeed.kafka;
