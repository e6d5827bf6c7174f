package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * After a restore only the papers store comes back (it alone is changelogged); the evidence and
 * band indexes come back empty and {@link Deduplicator#init} rebuilds them from it. Here the restore
 * is what Kafka Streams leaves behind: the same papers store contents, new empty index stores, and a
 * new processor initialised on them. A sighting after it must still find the paper seen before it,
 * by near-duplicate text (the bands) and by DOI (the evidence).
 */
class DedupIndexRestoreTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String MUON = "Recently, the Muon optimizer based on matrix orthogonalization has demonstrated "
            + "strong results in training small-scale language models, but the scalability to larger models has not "
            + "been proven. We identify two crucial techniques for scaling up Muon: adding weight decay and carefully "
            + "adjusting the per-parameter update scale.";
    private static final String DOI = "10.48550/arXiv.2309.06180";

    @Test
    void aSightingAfterARestoreStillMergesWithAPaperSeenBeforeIt() {
        KeyValueStore<String, PaperState> papers = store(DedupIndex.PAPERS_STORE, DedupStores.PAPER_STATE);
        Run before = new Run(papers);
        String muonId = before.process(sighting(null, null, MUON, 1)).paperId();
        String doiId = before.process(sighting(DOI, "Efficient Memory Management for Large Language Model Serving",
                "High throughput serving of large language models requires batching sufficiently many requests.", 2))
                .paperId();
        assertTrue(count(before.evidence) > 0 && count(before.bands) > 0, "the indexes were in use");

        Run after = new Run(papers); // restored: the same papers, empty evidence and bands

        DedupDecision nearDuplicate = after.process(sighting(null, null,
                MUON.replace("matrix orthogonalization", "matrix ortho-\nnormalization"), 3));
        assertEquals(List.of(Outcome.MERGED, "near-duplicate", muonId),
                List.of(nearDuplicate.outcome(), nearDuplicate.matchedBy(), nearDuplicate.paperId()));
        DedupDecision byDoi = after.process(sighting(" " + DOI.toUpperCase(Locale.ROOT), "vLLM: PagedAttention",
                "We build a serving system on paged attention.", 4));
        assertEquals(List.of(Outcome.MERGED, "doi", doiId),
                List.of(byDoi.outcome(), byDoi.matchedBy(), byDoi.paperId()));
    }

    /** One processor instance on its stores, as one task incarnation. */
    private static final class Run {
        final MockProcessorContext<String, DedupResult> context = new MockProcessorContext<>();
        final KeyValueStore<String, String> evidence;
        final KeyValueStore<String, String> bands;
        final Deduplicator deduplicator = new Deduplicator(e -> "content:" + Sighting.contentHash(e).substring(0, 20),
                evidence -> { });

        Run(KeyValueStore<String, PaperState> papers) {
            this(papers, store(DedupIndex.EVIDENCE_STORE, Serdes.String()), store(DedupIndex.BANDS_STORE, Serdes.String()));
        }

        Run(KeyValueStore<String, PaperState> papers, KeyValueStore<String, String> evidence,
            KeyValueStore<String, String> bands) {
            this.evidence = evidence;
            this.bands = bands;
            context.setCurrentSystemTimeMs(T0.toEpochMilli());
            context.addStateStore(papers);
            context.addStateStore(evidence);
            context.addStateStore(bands);
            deduplicator.init(context);
        }

        DedupDecision process(PaperEvent e) {
            context.resetForwards();
            deduplicator.process(new Record<>(e.itemKey(), e, T0.toEpochMilli()));
            List<MockProcessorContext.CapturedForward<? extends String, ? extends DedupResult>> out = context.forwarded();
            assertEquals(1, out.size(), "one result per sighting");
            return out.get(0).record().value().decision();
        }
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                serde).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static int count(KeyValueStore<String, ?> store) {
        int n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    private static PaperEvent sighting(String doi, String title, String abstractText, int position) {
        return new PaperEvent(null, null, doi, title, abstractText, List.of(), List.of(), null, null, null,
                new Provenance("feeds/restore-test.txt", "test-format", position, T0));
    }
}
