package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binary layout of events and held papers: ORCID iDs round-trip, and layout 2 (before them) still reads. */
class RecordCodecTest {

    private static PaperEvent event(Map<String, String> orcids) {
        return new PaperEvent(null, null, "10.7717/peerj.4375", "The state of OA", "Despite growing interest in OA.",
                List.of("Heather Piwowar", "Jason Priem"), List.of(), null, "2018-02-13", null, List.of(), List.of(),
                Map.of("openalex", List.of("W2741809807")), List.of(), "PeerJ", PaperStatus.PUBLISHED,
                new Provenance("openalex", "openalex-works", 1, Instant.EPOCH), orcids);
    }

    @Test
    void eventsAndPapersKeepTheirOrcidIds() {
        PaperEvent e = event(Map.of("Heather Piwowar", "0000-0003-1613-5981"));
        Bin.Writer w = new Bin.Writer(256);
        RecordCodec.write(w, e);
        assertEquals(e, RecordCodec.readEvent(new Bin.Reader(w.toByteArray()), Message.VERSION));
        CanonicalPaper p = CanonicalPaper.firstSighting("content:abc", e);
        Bin.Writer pw = new Bin.Writer(256);
        RecordCodec.write(pw, p);
        assertEquals(p, RecordCodec.readPaper(new Bin.Reader(pw.toByteArray()), Message.VERSION));
    }

    @Test
    void layoutTwoWithoutOrcidIdsStillReads() {
        PaperEvent e = event(Map.of());
        Bin.Writer w = new Bin.Writer(256);
        RecordCodec.write(w, e);
        byte[] current = w.toByteArray();
        byte[] layout2 = Arrays.copyOf(current, current.length - 1); // layout 3 only adds the iDs: none is one byte
        assertEquals(e, RecordCodec.readEvent(new Bin.Reader(layout2), 2));
        CanonicalPaper p = CanonicalPaper.firstSighting("content:abc", e);
        Bin.Writer pw = new Bin.Writer(256);
        RecordCodec.write(pw, p);
        byte[] paper = pw.toByteArray();
        assertEquals(p, RecordCodec.readPaper(new Bin.Reader(Arrays.copyOf(paper, paper.length - 1)), 2));
    }
}
