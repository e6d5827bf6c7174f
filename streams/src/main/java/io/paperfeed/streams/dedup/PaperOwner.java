package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.streams.dedup.Message.Arrive;
import io.paperfeed.streams.dedup.Message.Confirm;
import io.paperfeed.streams.dedup.Message.Merge;
import io.paperfeed.streams.dedup.Message.Verdict;
import io.paperfeed.streams.dedup.PaperStates.PaperState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ref side of the dedup protocol, on the partition that owns each ref ({@code dedup-refs}): a
 * sighting arriving at its home, a pending sighting gathering probe answers and verdicts and then
 * deciding, confirm requests answered against a paper (or a pending sighting), merges into papers.
 * docs/ARCHITECTURE.md ("Partitioned dedup") explains why this never misses a pair and never deadlocks.
 */
final class PaperOwner {

    private static final Logger log = LoggerFactory.getLogger(PaperOwner.class);

    private final RefWrites refs;
    private final ShardIndex index;
    private final Outbox out;

    PaperOwner(RefWrites refs, ShardIndex index, Outbox out) {
        this.refs = refs;
        this.index = index;
        this.out = out;
    }

    /** A sighting at its home: an arXiv id known here, an exact bare copy, or a new sighting to ask about. */
    void arrive(Arrive a) {
        SightingData s = a.sighting();
        if (s.hasArxivId()) {
            RefState known = refs.get(a.home());
            if (known == null) {
                startPending(a.home(), s, "arxiv:" + s.summary().arxivId());
            } else {
                merge(a.home(), known, new Merge(a.home(), s, Evidence.ARXIV_ID, Double.NaN, false));
            }
            return;
        }
        long[] sameText = index.lookup(a.home());
        if (s.isBare() && sameText.length > 0) {
            out.send(new Merge(sameText[0], s, Evidence.NEAR_DUPLICATE, Double.NaN, false));
            return;
        }
        boolean baseFree = refs.get(a.home()) == null;
        long ref = a.home();
        for (int i = 0; refs.get(ref) != null; i++) {
            ref = Routing.salted(a.home(), s.itemKey() + "|" + s.contentHash() + "|" + i);
        }
        String id = !s.hasAbstract() ? "held:" + s.contentHash().substring(0, 20)
                : "content:" + s.abstractHash() + (baseFree ? "" : "-" + s.contentHash().substring(0, 8));
        startPending(ref, s, id);
    }

    private void startPending(long ref, SightingData s, String publicId) {
        Pending p = new Pending(s, publicId);
        Map<Integer, long[]> byPartition = byPartition(s.keys());
        p.answersOutstanding = byPartition.size();
        refs.put(ref, p);
        byPartition.values().forEach(keys -> out.send(new Message.Probe(ref, keys, out.timestamp())));
        if (byPartition.isEmpty()) {
            p.confirmsSent = true;
            decide(ref, p);
        }
    }

    void answer(Message.Answer a) {
        if (!(refs.get(a.ref()) instanceof Pending p)) {
            log.warn("probe answer for ref {} that is not pending; ignored", a.ref());
            return;
        }
        for (long c : a.candidates()) {
            if (c != a.ref() && !p.candidates.contains(c)) {
                p.candidates.add(c);
            }
        }
        p.answersOutstanding--;
        if (p.answersOutstanding == 0) {
            p.confirmsSent = true;
            p.confirming.addAll(p.candidates);
        }
        refs.put(a.ref(), p);
        if (p.answersOutstanding == 0) {
            p.candidates.forEach(c -> out.send(new Confirm(a.ref(), c, c, p.sighting.summary())));
            decideIfReady(a.ref());
        }
    }

    /** Does the requester belong with this ref? Answered by a paper, passed on by a joined sighting, weighed by a pending one. */
    void confirm(Confirm c) {
        RefState state = refs.get(c.target());
        if (state == null) {
            log.warn("confirm for unknown ref {} from {}; answered no", c.target(), c.requester());
            out.send(verdict(c, Verdict.Outcome.NO, null));
        } else if (state instanceof PaperState paper) {
            Evidence.Match m = Evidence.compare(c.summary(), paper);
            out.send(verdict(c, matchOutcome(m, paper), m));
        } else if (state instanceof RefState.Joined joined) {
            out.send(new Confirm(c.requester(), joined.paper(), c.asked(), c.summary()));
        } else if (state instanceof Pending p) {
            {
                if (c.requester() < c.target()) {
                    // a smaller ref never waits for a larger one: it is told to go on, and this one will follow it
                    Evidence.Match m = Evidence.compare(c.summary(), p.sighting.summary());
                    if (m != null) {
                        p.claims.add(new Pending.Candidate(c.requester(), m.matchedBy(), m.similarity()));
                        refs.put(c.target(), p);
                    }
                    out.send(verdict(c, m == null ? Verdict.Outcome.NO : Verdict.Outcome.YIELD, m));
                } else {
                    p.held.add(c);
                    refs.put(c.target(), p);
                }
            }
        }
    }

    void verdict(Verdict v) {
        if (!(refs.get(v.requester()) instanceof Pending p)) {
            log.warn("verdict for ref {} that is not pending; ignored", v.requester());
            return;
        }
        p.confirming.remove(v.asked());
        p.claims.removeIf(claim -> claim.ref() == v.asked());
        if (v.isMatch()) {
            p.matches.add(new Pending.Candidate(v.paper(), v.matchedBy(), v.similarity()));
        }
        if (v.outcome() == Verdict.Outcome.MATCH_HELD && !p.heldPapers.contains(v.paper())) {
            p.heldPapers.add(v.paper());
        }
        refs.put(v.requester(), p);
        decideIfReady(v.requester());
    }

    void merge(Merge m) {
        RefState state = refs.get(m.paper());
        if (state == null) {
            log.error("merge of {} into unknown ref {}; it starts a paper of its own", m.sighting().itemKey(), m.paper());
            out.send(new Arrive(homeRef(m.sighting()), m.sighting()));
            return;
        }
        merge(m.paper(), state, m);
    }

    private void merge(long ref, RefState state, Merge m) {
        if (state instanceof PaperState paper) {
            applyMerge(ref, paper, m);
        } else if (state instanceof RefState.Joined joined) {
            out.send(new Merge(joined.paper(), m.sighting(), m.matchedBy(), m.similarity(), m.registered()));
        } else if (state instanceof Pending p) {
            p.queued.add(m);
            refs.put(ref, p);
        }
    }

    private void decideIfReady(long ref) {
        if (refs.get(ref) instanceof Pending p && p.readyToDecide()) {
            decide(ref, p);
        }
    }

    /**
     * Once the claims of smaller pending refs are confirmed (asked now, answered once they decided: one
     * may be a held paper to absorb), the best confirmed paper, else a new paper. Of the confirmed papers
     * it joins the best published one (or, when all are held, the held one of smallest ref) and the other
     * held ones it matched are absorbed into that one.
     */
    private void decide(long ref, Pending p) {
        if (!p.claims.isEmpty()) {
            List<Pending.Candidate> claims = List.copyOf(p.claims);
            p.claims.clear();
            claims.forEach(c -> p.confirming.add(c.ref()));
            refs.put(ref, p);
            claims.forEach(c -> out.send(new Confirm(ref, c.ref(), c.ref(), p.sighting.summary())));
            return;
        }
        Pending.Candidate best = p.matches.stream().min(Pending.Candidate.BEST).orElse(null);
        if (best == null) {
            found(ref, p);
            return;
        }
        Pending.Candidate into = p.matches.stream().filter(c -> !p.heldPapers.contains(c.ref()))
                .min(Pending.Candidate.BEST)
                .orElseGet(() -> p.matches.stream().min(java.util.Comparator.comparingLong(Pending.Candidate::ref))
                        .orElseThrow());
        join(ref, p, into);
        boolean intoPublished = !p.heldPapers.contains(into.ref());
        for (long held : p.heldPapers) {
            if (held != into.ref()) {
                String matchedBy = p.matches.stream().filter(c -> c.ref() == held).min(Pending.Candidate.BEST)
                        .orElseThrow().matchedBy();
                out.send(new Message.Absorb(held, into.ref(), intoPublished, matchedBy));
            }
        }
    }

    /**
     * A held paper that a sighting matched, asked to join the paper that sighting joined: done while it is
     * still held (it published nothing, so nothing is retracted) and when the other is published or of a
     * smaller ref (so refs absorbed into one another can never form a cycle); a held paper already absorbed
     * passes the request on. Its ref becomes a joined one, so its evidence keys lead to the paper.
     */
    void absorb(Message.Absorb a) {
        RefState state = refs.get(a.paper());
        if (state instanceof RefState.Joined joined) {
            if (joined.paper() != a.into()) {
                out.send(new Message.Absorb(joined.paper(), a.into(), a.intoPublished(), a.matchedBy()));
            }
        } else if (state instanceof PaperState held && !held.isPublished()
                && (a.intoPublished() || a.into() < a.paper())) {
            refs.put(a.paper(), new RefState.Joined(a.into()));
            out.send(new Message.Fold(a.into(), held, a.matchedBy()));
        } else {
            log.info("held paper {} not absorbed into {}: it is {}", a.paper(), a.into(),
                    state == null ? "unknown" : state instanceof PaperState ? "published now" : "pending");
        }
    }

    /** A held paper absorbed: folded into this paper (its sightings count as merged here), or passed on. */
    void fold(Message.Fold f) {
        RefState state = refs.get(f.into());
        if (state instanceof RefState.Joined joined) {
            out.send(new Message.Fold(joined.paper(), f.held(), f.matchedBy()));
            return;
        }
        if (!(state instanceof PaperState paper)) {
            log.error("held paper {} folded into ref {} that is no paper; it is lost", f.held().paper().id(), f.into());
            return;
        }
        CanonicalPaper known = paper.paper();
        CanonicalPaper merged = PaperMerge.absorb(known, f.held().paper());
        java.util.LinkedHashSet<String> hashes = new java.util.LinkedHashSet<>(paper.sightingHashes());
        hashes.addAll(f.held().sightingHashes());
        PaperState next = new PaperState(merged == null ? known : merged, paper.signatures(), List.copyOf(hashes));
        refs.put(f.into(), next);
        if (merged != null && next.isPublished()) {
            out.paper(merged.id(), merged);
        }
        if (merged != null && paper.isPublished() && !merged.id().equals(known.id())) {
            out.paper(known.id(), null);
        }
        for (io.paperfeed.model.Provenance source : f.held().paper().sources()) {
            out.duplicate(f.matchedBy());
            out.decision(new DedupDecision(source.itemKey(), next.paper().id(),
                    merged == null ? Outcome.REPEAT : Outcome.MERGED, f.matchedBy(), 0,
                    Instant.ofEpochMilli(out.wallClockMs())));
        }
        if (merged != null) {
            registerNewEvidence(f.into(), known, merged, new long[0]);
        }
    }

    private static Verdict.Outcome matchOutcome(Evidence.Match m, PaperState paper) {
        return m == null ? Verdict.Outcome.NO : paper.isPublished() ? Verdict.Outcome.MATCH : Verdict.Outcome.MATCH_HELD;
    }

    /** A new paper; one of only a title-only sighting is held (not published) until a sighting with an abstract joins it. */
    private void found(long ref, Pending p) {
        PaperState paper = PaperStates.first(p.publicId, p.sighting);
        refs.put(ref, paper);
        if (paper.isPublished()) {
            out.paper(paper.paper().id(), paper.paper());
        }
        out.decision(decision(p.sighting, paper.paper().id(), paper.isPublished() ? Outcome.NEW : Outcome.HELD,
                "none", 0));
        for (Confirm c : p.held) {
            Evidence.Match m = Evidence.compare(c.summary(), paper);
            out.send(new Verdict(c.requester(), c.asked(), matchOutcome(m, paper),
                    ref, m == null ? null : m.matchedBy(), m == null ? 0 : m.similarity()));
        }
        for (Merge m : p.queued) {
            merge(ref, refs.get(ref), m);
        }
    }

    private void join(long ref, Pending p, Pending.Candidate paper) {
        refs.put(ref, new RefState.Joined(paper.ref()));
        out.send(new Merge(paper.ref(), p.sighting, paper.matchedBy(), paper.similarity(), true));
        p.held.forEach(c -> out.send(new Confirm(c.requester(), paper.ref(), c.asked(), c.summary())));
        p.queued.forEach(m -> out.send(new Merge(paper.ref(), m.sighting(), m.matchedBy(), m.similarity(),
                m.registered())));
    }

    private void applyMerge(long ref, PaperState state, Merge m) {
        SightingData s = m.sighting();
        CanonicalPaper known = state.paper();
        double similarity = state.similarity(s.summary().signature());
        CanonicalPaper merged = state.sightingHashes().contains(s.contentHash()) ? null
                : PaperMerge.merge(known, s.event());
        if (merged == null) {
            out.duplicate("repeat");
            out.decision(decision(s, known.id(), Outcome.REPEAT, m.matchedBy(), similarity));
            return;
        }
        boolean newText = state.isNewText(s);
        PaperState next = state.with(merged, s, newText);
        refs.put(ref, next);
        out.duplicate(m.matchedBy());
        if (next.isPublished()) {
            out.paper(merged.id(), merged);
        }
        if (state.isPublished() && !merged.id().equals(known.id())) {
            out.paper(known.id(), null);
        }
        out.decision(decision(s, merged.id(), Outcome.MERGED, m.matchedBy(), similarity));
        if (!m.registered()) {
            registerNewEvidence(ref, known, merged, newText ? s.keys() : new long[0]);
        }
    }

    /**
     * Files what a merged sighting brought under the paper, so later sightings find it by them: its text
     * when new (content hash, bands) and every DOI, other id or title the paper did not have.
     */
    private void registerNewEvidence(long ref, CanonicalPaper known, CanonicalPaper merged, long[] textKeys) {
        long[] before = SightingData.identityKeys(Summary.of(known, null));
        long[] after = SightingData.identityKeys(Summary.of(merged, null));
        long[] keys = java.util.Arrays.copyOf(textKeys, textKeys.length + after.length);
        int n = textKeys.length;
        for (long k : after) {
            if (!contains(before, k) && !contains(keys, n, k)) {
                keys[n++] = k;
            }
        }
        keys = java.util.Arrays.copyOf(keys, n);
        byPartition(keys).values().forEach(k -> out.send(new Message.Register(ref, k, out.timestamp())));
    }

    private static boolean contains(long[] values, long v) {
        return contains(values, values.length, v);
    }

    private static boolean contains(long[] values, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }

    private Map<Integer, long[]> byPartition(long[] keys) {
        Map<Integer, long[]> groups = new HashMap<>();
        for (long key : keys) {
            groups.merge(Routing.partition(key, out.partitions()), new long[] {key}, PaperOwner::concat);
        }
        return groups;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static Verdict verdict(Confirm c, Verdict.Outcome outcome, Evidence.Match m) {
        return new Verdict(c.requester(), c.asked(), outcome, c.target(), m == null ? null : m.matchedBy(),
                m == null ? 0 : m.similarity());
    }

    static long homeRef(SightingData s) {
        return s.hasArxivId() || !s.hasAbstract() ? Routing.ref(s.homeKey()) : SightingData.contentKey(s.abstractHash());
    }

    private DedupDecision decision(SightingData s, String paperId, Outcome outcome, String matchedBy, double similarity) {
        return new DedupDecision(s.itemKey(), paperId, outcome, matchedBy, Math.round(similarity * 1000) / 1000.0,
                Instant.ofEpochMilli(out.wallClockMs()));
    }
}
