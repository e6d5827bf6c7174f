/**
 * Test support: {@link io.paperfeed.testkit.KafkaBrokerExtension} gives tests a real Kafka broker,
 * Testcontainers' {@code apache/kafka-native} where a Docker engine answers, else the embedded KRaft
 * broker of {@code paperfeed-broker}. Used as a test-scoped dependency only.
 */
package io.paperfeed.testkit;
