package io.paperfeed.streams.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A preprint that names only its own DOI, the journal's title-only Crossref item (only the journal
 * DOI, so it shares no DOI with the preprint and is held apart from it) and the journal's record (the
 * journal DOI and {@code has-preprint} the preprint's, so it matches both), on 1 to 4 partitions: sent
 * one after the other in each of the 6 orders, and all three at once under many random delivery orders,
 * they end as one paper with both DOIs and all three sources, published once (one NEW).
 */
class HeldAbsorptionTest {

    private static final Instant T0 = Instant.parse("2025-08-30T06:00:00Z");
    private static final String PREPRINT_DOI = "10.1101/2020.06.11.145425";
    private static final String JOURNAL_DOI = "10.1016/j.patter.2020.100123";
    private static final String TITLE = "Machine Learning Maps Research Needs in COVID-19 Literature";
    private static final List<String> AUTHORS = List.of("A. L. Doanvo", "X. Qian", "D. Ramjee");

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 4})
    void aPreprintItsHeldCrossrefItemAndItsJournalRecordAreOnePaperInEveryOrder(int partitions) {
        List<String> failures = new ArrayList<>();
        for (boolean journalAbstract : new boolean[] {false, true}) {
            List<PaperEvent> three = List.of(preprint(), crossref(), journal(journalAbstract));
            for (List<PaperEvent> order : Orders.of(three)) {
                for (long seed = 0; seed < 8; seed++) {
                    SimulatedDedup one = new SimulatedDedup(partitions, seed);
                    order.forEach(e -> {
                        one.submit(e);
                        one.run();
                    });
                    check("one by one " + order.stream().map(e -> e.source().format()).toList() + " seed " + seed,
                            one, failures);
                    SimulatedDedup burst = new SimulatedDedup(partitions, seed);
                    order.forEach(burst::submit);
                    check("at once " + order.stream().map(e -> e.source().format()).toList() + " seed " + seed,
                            burst.run(), failures);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 4})
    void thePublicationTwiceAndItsCrossrefItemAtOnceAfterThePreprintAreOnePaper(int partitions) {
        List<String> failures = new ArrayList<>();
        for (int paper = 0; paper < 12; paper++) { // other titles, so other refs and other orders of them
            String title = TITLE + (paper == 0 ? "" : " (part " + paper + ")");
            PaperEvent preprint = titled(preprint(), title);
            PaperEvent crossref = titled(crossref(), title);
            PaperEvent journal = titled(journal(false), title);
            for (List<PaperEvent> burst : List.of(List.of(crossref, journal, journal),
                    List.of(journal, crossref, journal), List.of(journal, journal, crossref))) {
                for (long seed = 0; seed < 12; seed++) {
                    SimulatedDedup run = new SimulatedDedup(partitions, seed);
                    run.submit(preprint);
                    run.run();
                    burst.forEach(run::submit);
                    check("paper " + paper + ", burst " + burst.stream().map(e -> e.source().format()).toList()
                            + " seed " + seed, run.run(), failures);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void check(String what, SimulatedDedup run, List<String> failures) {
        Map<String, CanonicalPaper> latest = run.latest();
        long news = run.papers.stream().filter(e -> e.getValue() != null)
                .filter(e -> e.getValue().change() == CanonicalPaper.Change.NEW).count();
        CanonicalPaper paper = latest.size() == 1 ? latest.values().iterator().next() : null;
        if (paper == null || news != 1 || paper.sources().size() != 3
                || !paper.dois().containsAll(List.of(PREPRINT_DOI, JOURNAL_DOI))
                || !JOURNAL_DOI.equals(paper.doi()) || paper.status() != PaperStatus.PUBLISHED) {
            failures.add(what + ": " + news + " NEW, " + latest.values().stream()
                    .map(p -> p.id() + " " + p.dois() + " " + p.sources().size()).toList());
        }
    }

    private static PaperEvent preprint() {
        return new PaperEvent(null, 1, PREPRINT_DOI, TITLE, "Manually assessing the scope of the thousands of "
                + "publications on the COVID-19 pandemic is an overwhelming task; machine learning approaches can "
                + "rapidly survey the actual text of coronavirus abstracts to identify research overlap.", AUTHORS,
                List.of(), "bioRxiv", "2020-06-12", null, List.of(), List.of(), Map.of(), List.of(), "bioRxiv",
                PaperStatus.PREPRINT, new Provenance("biorxiv.json", "biorxiv-details", 1, T0));
    }

    private static PaperEvent crossref() {
        return new PaperEvent(null, null, JOURNAL_DOI, TITLE, null, AUTHORS, List.of(), null, "2020-07-10", null,
                List.of(), List.of(), Map.of("issn", List.of("2666-3899")), List.of(), "Patterns",
                PaperStatus.PUBLISHED, new Provenance("crossref.json", "crossref-works", 1, T0));
    }

    private static PaperEvent journal(boolean withAbstract) {
        return new PaperEvent(null, null, JOURNAL_DOI, TITLE, withAbstract ? "Thousands of publications on "
                + "COVID-19 were surveyed by machine learning to map research needs and overlaps." : null, AUTHORS,
                List.of(), null, "2020-07-10", null, List.of(), List.of(), Map.of(),
                List.of(new Relation(Relation.HAS_PREPRINT, "doi", PREPRINT_DOI)), "Patterns", PaperStatus.PUBLISHED,
                new Provenance("journal.xml", "journal-rss", 1, T0));
    }

    private static PaperEvent titled(PaperEvent e, String title) {
        return new PaperEvent(e.arxivId(), e.version(), e.doi(), title, e.abstractText(), e.authors(), e.categories(),
                e.comment(), e.published(), e.updated(), e.links(), e.dois(), e.ids(), e.relations(), e.venue(),
                e.status(), e.source(), e.orcids());
    }
}
