/**
 * The one registry of Kafka topic names, each with its key and value serde:
 * {@link io.paperfeed.model.topics.Topics}. Services never spell a topic name themselves.
 */
package io.paperfeed.model.topics;
