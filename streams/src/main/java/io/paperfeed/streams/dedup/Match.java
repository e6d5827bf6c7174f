package io.paperfeed.streams.dedup;

/** A known paper a sighting belongs to, the evidence that decided it, and the text similarity. */
record Match(String internalKey, String matchedBy, double similarity) {
}
