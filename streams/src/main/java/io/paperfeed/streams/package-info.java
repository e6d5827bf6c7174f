/**
 * The Kafka Streams side of paperfeed.
 *
 * <p>{@link io.paperfeed.streams.PaperFeedTopology#build} reads sightings from
 * {@code paperfeed.papers.raw} (key: source item key, value: PaperEvent JSON) and decodes them (bytes
 * that are not a paper event go to {@code paperfeed.papers.invalid} with their topic, partition and
 * offset), prepares them for dedup (fingerprint, MinHash, evidence keys) and sends each to its home
 * partition of {@code paperfeed.dedup.exchange}. The dedup tasks ({@link io.paperfeed.streams.dedup},
 * one per exchange partition) find or start each sighting's paper, talking to one another through that
 * topic, and write the paper to {@code paperfeed.papers.canonical} (key: canonical id) and its decision
 * to {@code paperfeed.dedup.decisions} (key: item key). The next sub-topology reads the canonical topic back,
 * partitioned by paper id, classifies it ({@code classify}) into {@code paperfeed.papers.classified} and
 * the per-topic streams, and alerts ({@code alerts}) into {@code paperfeed.alerts} (key: subscription id).
 * Processing is exactly-once ({@code exactly_once_v2}): each sub-topology's outputs, store changes and
 * input offsets commit in one transaction. {@link io.paperfeed.streams.StreamsService} runs it, with
 * {@link io.paperfeed.streams.GlobalStoreRestores} as its restore listener, so the subscriptions' and ratings'
 * global stores are loaded into matching once, in bulk, after Kafka Streams restores them.
 */
package io.paperfeed.streams;
