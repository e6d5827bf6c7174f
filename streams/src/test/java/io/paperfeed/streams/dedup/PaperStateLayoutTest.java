package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.streams.dedup.PaperStates.PaperState;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refs store's paper layout on real arXiv papers: it round-trips, the preset dictionary makes it smaller,
 * the dictionary never changes (state written with it must stay readable), and layout 4 (before it) still reads;
 * a held paper folded into another over the exchange likewise.
 */
class PaperStateLayoutTest {

    private static List<ArxivDailyCorpus.Paper> papers() throws Exception {
        try (InputStream in = PaperStateLayoutTest.class.getResourceAsStream("/arxiv-daily-2025-04-08-300.jsonl.gz")) {
            return ArxivDailyCorpus.distinct(ArxivDailyCorpus.read(in));
        }
    }

    private static PaperState state(ArxivDailyCorpus.Paper p, int n) {
        PaperEvent e = new PaperEvent(p.id(), 1, null, p.title(), p.summary(), List.of("Ann Ng", "Bo Li"), p.categories(),
                null, "2025-04-08", null, List.of(), new Provenance("arxiv", "arxiv-daily", n, Instant.EPOCH));
        short[] signature = new short[126];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (short) (i * 977 + n);
        }
        return new PaperState(CanonicalPaper.firstSighting("arxiv:" + p.id(), e), List.of(signature),
                List.of(PaperStates.contentHash(e), "not-a-hash"));
    }

    private static void assertSame(PaperState expected, PaperState actual) {
        assertEquals(expected.paper(), actual.paper());
        assertEquals(expected.sightingHashes(), actual.sightingHashes());
        assertEquals(expected.signatures().size(), actual.signatures().size());
        for (int i = 0; i < expected.signatures().size(); i++) {
            assertArrayEquals(expected.signatures().get(i), actual.signatures().get(i));
        }
    }

    /** The bytes layout 4 wrote: no dictionary, sighting hashes as text. */
    private static byte[] layout4(PaperState p) {
        Bin.Writer w = new Bin.Writer(2048);
        w.u8(4).u8(0);
        writeAsBefore(w, p);
        return w.toByteArray();
    }

    /** A paper as layouts before the dictionary wrote it. */
    private static void writeAsBefore(Bin.Writer w, PaperState p) {
        Bin.Writer paper = new Bin.Writer(2048);
        RecordCodec.write(paper, p.paper());
        w.bytes(Deflate.compress(paper.toByteArray(), null));
        w.varint(p.signatures().size());
        p.signatures().forEach(s -> Summary.writeSignature(w, s));
        w.strings(p.sightingHashes());
    }

    @Test
    void papersRoundTripAndTheDictionaryTakesBytesOffEach() throws Exception {
        long now = 0;
        long before = 0;
        int n = 0;
        for (ArxivDailyCorpus.Paper p : papers()) {
            PaperState state = state(p, ++n);
            byte[] bytes = RefState.encode(state);
            assertSame(state, (PaperState) RefState.decode(bytes));
            now += bytes.length;
            before += layout4(state).length;
        }
        double saved = (before - now) / (double) n;
        assertTrue(saved > 100, "bytes saved a paper: " + saved + " (" + before / n + " -> " + now / n + ")");
    }

    @Test
    void layoutFourStillReads() throws Exception {
        PaperState state = state(papers().get(0), 7);
        assertSame(state, (PaperState) RefState.decode(layout4(state)));
    }

    @Test
    void aFoldedPaperCrossesTheExchangeInTheNewLayoutAndTheOldOneStillReads() throws Exception {
        PaperState state = state(papers().get(1), 8);
        byte[] current = Message.encode(new Message.Fold(42, state, "doi"));
        assertEquals(Message.VERSION, current[0]);
        assertSame(state, ((Message.Fold) Message.decode(current)).held());
        assertSame(state, ((Message.Fold) Message.decode(fold3(state))).held());
    }

    /** A fold as exchange layout 3 wrote it: its paper without the dictionary, hashes as text. */
    private static byte[] fold3(PaperState p) {
        Bin.Writer w = new Bin.Writer(2048);
        w.u8(3).u8(8).i64(42); // layout 3, a fold, into 42
        writeAsBefore(w, p);
        w.str("doi");
        return w.toByteArray();
    }

    @Test
    void theDictionaryIsTheOneStateWasWrittenWith() throws Exception {
        assertEquals(8184, Deflate.PAPERS.length);
        assertEquals("3c0cf12c2431a17f7822592e73258eaee40e2882c5eb894aedaebcccdfecf4a0",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Deflate.PAPERS)),
                "paper-dictionary.txt is part of the refs store's layout 5: a new dictionary needs a new layout");
    }
}
