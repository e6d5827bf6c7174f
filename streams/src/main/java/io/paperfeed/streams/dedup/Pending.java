package io.paperfeed.streams.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sighting that found no paper at its home and is asking the partitions of its other evidence
 * keys: how many probe answers it still waits for, the candidates they named, the candidates it
 * still waits to hear a verdict on, the confirmed matches, the claims of smaller pending refs that
 * it belongs with them, the confirms it holds for larger refs until it has decided, the sightings
 * queued to merge into it once it is a paper, and which matches are held papers.
 */
final class Pending implements RefState {

    /** A paper (or a claiming pending sighting) this one may belong to. */
    record Candidate(long ref, String matchedBy, double similarity) {

        /** Strongest evidence first, then the most similar text, then the smallest ref (deterministic). */
        static final Comparator<Candidate> BEST = Comparator
                .comparingInt((Candidate c) -> Evidence.Match.rank(c.matchedBy())).reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::similarity).reversed())
                .thenComparingLong(Candidate::ref);
    }

    final SightingData sighting;
    final String publicId;
    int answersOutstanding;
    boolean confirmsSent;
    final List<Long> candidates = new ArrayList<>();
    final List<Long> confirming = new ArrayList<>();
    final List<Candidate> matches = new ArrayList<>();
    final List<Candidate> claims = new ArrayList<>();
    final List<Message.Confirm> held = new ArrayList<>();
    final List<Message.Merge> queued = new ArrayList<>();
    /** The refs among {@link #matches} that answered as held papers (title-only, never published). */
    final List<Long> heldPapers = new ArrayList<>();

    Pending(SightingData sighting, String publicId) {
        this.sighting = sighting;
        this.publicId = publicId;
    }

    /** Every probe answered and every verdict in: time to decide. */
    boolean readyToDecide() {
        return answersOutstanding == 0 && confirmsSent && confirming.isEmpty();
    }
}
