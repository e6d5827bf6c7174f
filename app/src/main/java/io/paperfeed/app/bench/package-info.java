/**
 * {@code paperfeed bench}: throughput (papers/s) and send-to-output latency of the full pipeline
 * against a pass-through Kafka Streams app with the same exactly-once guarantee, measured in one run
 * on one embedded broker so the ratio holds on a noisy machine.
 */
package io.paperfeed.app.bench;
