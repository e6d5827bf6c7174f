/**
 * The embedded single-node KRaft Kafka broker that {@code paperfeed demo}, the benchmarks and the
 * tests (where no Docker engine answers) run on. It is Apache Kafka's own broker, not a mock: the
 * same protocol, transactions and log as a real cluster, bound to 127.0.0.1.
 */
package io.paperfeed.broker;
