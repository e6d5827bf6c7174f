/**
 * De-duplication: one canonical paper per paper, across feeds, formats and versions.
 *
 * <p>A sighting is recognised by evidence in order of strength: its arXiv id (any version), its DOI,
 * its normalised title (confirmed by some shared abstract text), then near-duplicate abstract text.
 * For the last, {@link io.paperfeed.model.text.FingerprintText} strips what does not identify a
 * text (case, Unicode forms, LaTeX markup, hyphenation, punctuation),
 * {@link io.paperfeed.streams.dedup.MinHash} turns its word 3-grams into a signature and
 * {@link io.paperfeed.streams.dedup.LshBands} into band keys; papers sharing a band are candidates,
 * confirmed by estimated Jaccard similarity and rejected when ids or titles disagree.
 *
 * <p>State lives in three RocksDB stores on a single partition, so every sighting meets every earlier
 * paper: {@code dedup-papers} (the canonical record, signatures and sighting hashes) is changelogged;
 * {@code dedup-evidence} and {@code dedup-bands} are derived from it, not changelogged, and rebuilt from it
 * by {@link io.paperfeed.streams.dedup.DedupIndex} when a restore brings them back empty ({@link
 * io.paperfeed.streams.dedup.DedupStores}). A paper's
 * internal key is its first id and never changes; its public id becomes {@code arxiv:<id>} once a
 * sighting brings one, and the old id is retired with a tombstone.
 */
package io.paperfeed.streams.dedup;
