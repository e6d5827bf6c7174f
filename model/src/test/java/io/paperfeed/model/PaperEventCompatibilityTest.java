package io.paperfeed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paperfeed.model.serde.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events written before the cross-source fields still read; new ones round-trip; a sighting needs an abstract or a title. */
class PaperEventCompatibilityTest {

    /** The docs/EVENTS.md example as it was written before dois, ids, relations, venue and status. */
    private static final String OLD = "{\"arxivId\":\"2507.20534\",\"version\":null,\"doi\":\"10.1/x\",\"title\":\"Kimi K2\","
            + "\"abstract\":\"We introduce Kimi K2.\",\"authors\":[\"Yiping Bai\"],\"categories\":[],\"comment\":null,"
            + "\"published\":\"2025-07-28\",\"updated\":null,\"links\":[],\"source\":{\"source\":\"seeds/001.txt\","
            + "\"format\":\"arxiv-author-listing\",\"position\":1,\"fetchedAt\":\"2026-11-23T20:26:32.979338187Z\"}}";

    @Test
    void anOldEventReadsWithItsDoiAsItsOnlyDoi() throws Exception {
        PaperEvent e = Json.MAPPER.readValue(OLD, PaperEvent.class);
        assertEquals(List.of("10.1/x"), e.dois());
        assertEquals(Map.of(), e.ids());
        assertEquals(List.of(), e.relations());
        assertNull(e.status());
    }

    @Test
    void aTitleOnlyEventWithRelationsRoundTrips() throws Exception {
        PaperEvent e = new PaperEvent(null, null, "10.3389/fgene.2017.00147", "An Algorithm", null, List.of("Josef Pánek"),
                List.of(), null, null, null, List.of(), List.of(), Map.of("issn", List.of("1664-8021")),
                List.of(new Relation("has-preprint", "doi", "10.1101/171108")), "Frontiers in Genetics",
                PaperStatus.PUBLISHED, new Provenance("crossref", "crossref-works", 1, Instant.EPOCH));
        assertEquals(List.of("10.3389/fgene.2017.00147", "10.1101/171108"), e.dois());
        String json = Json.MAPPER.writeValueAsString(e);
        assertEquals(e, Json.MAPPER.readValue(json, PaperEvent.class));
        assertEquals("10.3389/fgene.2017.00147", e.publicationDoi());
    }

    @Test
    void aSightingWithNeitherAbstractNorTitleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PaperEvent(null, null, "10.1/x", null, null, List.of(),
                List.of(), null, null, null, new Provenance("s", "f", 1, Instant.EPOCH)));
    }
}
