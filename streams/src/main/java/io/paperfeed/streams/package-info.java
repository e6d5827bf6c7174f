/**
 * The Kafka Streams side of paperfeed.
 *
 * <p>{@link io.paperfeed.streams.PaperFeedTopology#build} reads sightings from
 * {@code paperfeed.papers.raw} (key: source item key, value: PaperEvent JSON), decodes them (bytes
 * that are not a paper event go to {@code paperfeed.papers.invalid} with their topic, partition and
 * offset), gives each paper its canonical id ({@code arxiv:<id>} or {@code content:<hash>}) and writes
 * it to {@code paperfeed.papers.canonical} and {@code paperfeed.papers.classified} (key: canonical
 * id), and alerts to {@code paperfeed.alerts} (key: subscription id). Processing is exactly-once
 * ({@code exactly_once_v2}): a paper, its classified copy and its alerts commit in one transaction.
 *
 * <p>Dedup/merge, classification and subscription matching are pass-through in this version; the
 * record shapes are final.
 */
package io.paperfeed.streams;
