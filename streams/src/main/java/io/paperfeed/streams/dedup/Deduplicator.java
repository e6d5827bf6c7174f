package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.model.PaperEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One canonical paper per paper, across feeds, formats and versions. For each sighting it finds
 * the known paper ({@link PaperMatcher}) or starts a new one, merges ({@link PaperMerge}) and forwards
 * a {@link DedupResult} keyed by the paper's public id. Runs on a single partition so that it sees
 * every earlier paper.
 */
public final class Deduplicator implements Processor<String, PaperEvent, String, DedupResult> {

    private static final Logger log = LoggerFactory.getLogger(Deduplicator.class);

    private final Function<PaperEvent, String> newPaperId;
    private final Consumer<String> onDuplicate;
    private ProcessorContext<String, DedupResult> context;
    private DedupIndex index;
    private PaperMatcher matcher;

    /**
     * @param newPaperId  the id of a paper not seen before
     * @param onDuplicate told the evidence of every merge or repeat (for metrics)
     */
    public Deduplicator(Function<PaperEvent, String> newPaperId, Consumer<String> onDuplicate) {
        this.newPaperId = newPaperId;
        this.onDuplicate = onDuplicate;
    }

    /** The state stores this processor uses. */
    public static String[] storeNames() {
        return new String[] {DedupIndex.PAPERS_STORE, DedupIndex.EVIDENCE_STORE, DedupIndex.BANDS_STORE};
    }

    @Override
    public void init(ProcessorContext<String, DedupResult> context) {
        this.context = context;
        this.index = new DedupIndex(context.getStateStore(DedupIndex.PAPERS_STORE),
                context.getStateStore(DedupIndex.EVIDENCE_STORE), context.getStateStore(DedupIndex.BANDS_STORE));
        this.matcher = new PaperMatcher(index);
        int rebuilt = index.rebuildIfEmpty();
        if (rebuilt > 0) {
            log.info("rebuilt the dedup index of {} papers from the restored papers store", rebuilt);
        }
    }

    @Override
    public void process(Record<String, PaperEvent> record) {
        Sighting s = Sighting.of(record.value());
        Match match = matcher.find(s);
        DedupResult result = match == null ? newPaper(s) : merge(s, match);
        context.forward(record.withKey(result.decision().paperId()).withValue(result));
    }

    private DedupResult newPaper(Sighting s) {
        String id = newPaperId.apply(s.event());
        if (index.paper(id) != null) {
            // the same abstract under another title, DOI or arXiv id: a different paper
            id = id + "-" + s.contentHash().substring(0, 8);
        }
        CanonicalPaper paper = CanonicalPaper.firstSighting(id, s.event());
        index.put(id, new PaperState(paper, List.of(MinHash.toBytes(s.signature())), List.of(s.contentHash())));
        return new DedupResult(decision(s, id, Outcome.NEW, "none", 0), paper, null);
    }

    private DedupResult merge(Sighting s, Match match) {
        PaperState state = index.paper(match.internalKey());
        CanonicalPaper known = state.paper();
        CanonicalPaper merged = state.sightingHashes().contains(s.contentHash()) ? null : PaperMerge.merge(known, s.event());
        onDuplicate.accept(merged == null ? "repeat" : match.matchedBy());
        if (merged == null) {
            return new DedupResult(decision(s, known.id(), Outcome.REPEAT, match.matchedBy(), match.similarity()),
                    null, null);
        }
        List<byte[]> signatures = signatures(state, s);
        index.update(match.internalKey(), new PaperState(merged, signatures, hashes(state, s)),
                signatures.subList(state.signatures().size(), signatures.size()));
        String retired = merged.id().equals(known.id()) ? null : known.id();
        return new DedupResult(decision(s, merged.id(), Outcome.MERGED, match.matchedBy(), match.similarity()),
                merged, retired);
    }

    private static List<byte[]> signatures(PaperState state, Sighting s) {
        List<byte[]> signatures = new ArrayList<>(state.signatures());
        if (state.similarity(s.signature()) < 1.0 && signatures.size() < PaperState.MAX_SIGNATURES) {
            signatures.add(MinHash.toBytes(s.signature()));
        }
        return signatures;
    }

    private static List<String> hashes(PaperState state, Sighting s) {
        List<String> hashes = new ArrayList<>(state.sightingHashes());
        hashes.add(s.contentHash());
        return hashes;
    }

    private DedupDecision decision(Sighting s, String paperId, Outcome outcome, String matchedBy, double similarity) {
        return new DedupDecision(s.event().itemKey(), paperId, outcome, matchedBy,
                Math.round(similarity * 1000) / 1000.0, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }
}
