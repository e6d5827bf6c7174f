/**
 * De-duplication: one canonical paper per paper, across feeds, formats and versions, on as many
 * partitions as {@code paperfeed.dedup.exchange} has.
 *
 * <p>A sighting is recognised by evidence in order of strength ({@link io.paperfeed.streams.dedup.Evidence}):
 * its arXiv id (any version), any DOI it names (its own, its preprint's or its publication's: a
 * preprint and its journal version meet at the owner of the DOI one of them names for the other), its
 * other ids (PubMed, OpenReview, …), its normalised title (confirmed by some shared abstract text, or
 * for a title-only sighting by a shared author surname), then near-duplicate abstract text. A
 * title-only sighting that matches nothing is held (never published) until a sighting with an
 * abstract joins it. For the last, {@link io.paperfeed.model.text.FingerprintText}
 * strips what does not identify a text, {@link io.paperfeed.streams.dedup.MinHash} turns its word
 * 3-grams into a signature and {@link io.paperfeed.streams.dedup.LshBands} into band keys.
 *
 * <p>{@link io.paperfeed.streams.dedup.DedupStep} prepares each decoded sighting
 * ({@link io.paperfeed.streams.dedup.SightingData}) and sends it to its home partition: the partition of
 * its arXiv id, else of its content hash ({@link io.paperfeed.streams.dedup.Routing}: the top 32 bits of
 * every 64-bit key choose its partition). One {@link io.paperfeed.streams.dedup.DedupProcessor} per
 * partition reads the exchange topic and plays two roles over its stores: {@code dedup-index}
 * ({@link io.paperfeed.streams.dedup.ShardIndex}: the refs filed under the evidence keys it owns; a
 * probe looks up and files in one step; a {@link io.paperfeed.streams.dedup.KeyFilter} in the heap answers
 * most never-filed keys without a read) and {@code dedup-refs}
 * ({@link io.paperfeed.streams.dedup.PaperOwner}: papers, sightings that joined one, sightings still
 * deciding). A new sighting probes the owners of its evidence keys, asks each candidate's owner to
 * confirm it, then joins the best match (a published one before held ones) or becomes a paper; the
 * other held papers it matched are absorbed into the one it joined; of two pending sightings the
 * smaller ref never waits for the larger. The {@link io.paperfeed.streams.dedup.Message}s between partitions go
 * through the exchange topic; a message for the same partition is handled at once. Outputs:
 * {@code paperfeed.papers.canonical} (NEW, UPDATED, a tombstone for a retired content id) and
 * {@code paperfeed.dedup.decisions}. Both stores are changelogged; under exactly-once a task's store
 * changes, messages and offsets commit together. docs/ARCHITECTURE.md ("Partitioned dedup") gives the
 * argument that no pair is missed and no wait can deadlock.
 */
package io.paperfeed.streams.dedup;
