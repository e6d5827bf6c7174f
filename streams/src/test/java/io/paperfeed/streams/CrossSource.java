package io.paperfeed.streams;

import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Relation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sightings of papers across sources for the multi-instance test: paper {@code i}'s bioRxiv preprint
 * (its DOI, an abstract with the word "report") and its journal version (another DOI, no abstract, a
 * {@code has-preprint} relation to the preprint's DOI), as bioRxiv and a journal feed give them.
 */
final class CrossSource {

    private static final String[] WORDS = {"cell", "protein", "gene", "tissue", "assay", "mouse", "neuron",
        "signal", "dose", "cohort", "virus", "enzyme"};

    private CrossSource() {
    }

    static String preprintDoi(int i) {
        return String.format("10.1101/2025.08.%06d", 100000 + i);
    }

    static String title(int i) {
        return "Cross-source study number " + i + " of " + WORDS[i % WORDS.length] + " signalling";
    }

    static PaperEvent preprint(int i, Instant at) {
        Random random = new Random(1000 + i);
        StringBuilder text = new StringBuilder("We report");
        for (int w = 0; w < 40; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(50));
        }
        return new PaperEvent(null, 1, preprintDoi(i), title(i), text.toString(), List.of("Doanvo, A. L.", "Qian, X."),
                List.of(), null, "2025-08-20", null, List.of(), List.of(), Map.of(), List.of(), "bioRxiv",
                PaperStatus.PREPRINT, new Provenance("feeds/biorxiv.json", "biorxiv-details", i + 1, at));
    }

    static PaperEvent journal(int i, String feed, Instant at) {
        return new PaperEvent(null, null, String.format("10.1016/j.patter.2025.%06d", 100000 + i), title(i), null,
                List.of("Doanvo, A. L.", "Qian, X."), List.of(), null, "2025-10-09", null, List.of(), List.of(),
                Map.of(), List.of(new Relation(Relation.HAS_PREPRINT, "doi", preprintDoi(i))), "Patterns",
                PaperStatus.PUBLISHED, new Provenance(feed, "journal-rss", i + 1, at));
    }

    /** The journal version as Crossref lists it: the same DOI, with the journal's ISSN, no relation. */
    static PaperEvent crossref(int i, Instant at) {
        return new PaperEvent(null, null, String.format("10.1016/j.patter.2025.%06d", 100000 + i), title(i), null,
                List.of("Doanvo, A. L.", "Qian, X."), List.of(), null, "2025-10-09", null, List.of(), List.of(),
                Map.of("issn", List.of("2666-3899")), List.of(), "Patterns", PaperStatus.PUBLISHED,
                new Provenance("feeds/crossref.json", "crossref-works", i + 1, at));
    }
}
