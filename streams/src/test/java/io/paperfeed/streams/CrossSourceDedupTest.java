package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.Json;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.dedup.Orders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup across sources through the topology: a preprint and its publication are one paper with both
 * DOIs, in either order, also when the publication has no abstract; unrelated DOIs stay apart; a
 * title-only journal item joins by title and author surnames; an arXiv record with a journal DOI
 * joins the journal's record. The sightings in {@code src/test/resources/cross-source} are the
 * producer's parse of its real fixtures (README there). The journal's side of a pair whose record is
 * not among the fixtures is a title-only sighting made only of what the real preprint record says of
 * it (its {@code published} DOI, its title and authors), as a journal's feed item would give it.
 */
class CrossSourceDedupTest {

    private static final Instant T0 = Instant.parse("2025-08-30T06:00:00Z");
    private static final String PATTERNS_DOI = "10.1016/j.patter.2020.100123";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CanonicalPaper> canonical;
    private TestOutputTopic<String, DedupDecision> decisions;

    @BeforeEach
    void setUp() {
        start(stateDir);
    }

    private void start(Path dir) {
        StreamsSettings settings = new StreamsSettings("dummy:9092", "cross-source-test", dir, 1, null);
        driver = new TopologyTestDriver(PaperFeedTopology.buildThroughDedup(settings, new PipelineMetrics(),
                io.paperfeed.streams.dedup.DedupSettings.single()), settings.toProperties());
        raw = driver.createInputTopic(Topics.PAPERS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
        canonical = driver.createOutputTopic(Topics.PAPERS_CANONICAL.name(), new StringDeserializer(),
                PaperSerdes.CANONICAL_PAPER.deserializer());
        decisions = driver.createOutputTopic(Topics.DEDUP_DECISIONS.name(), new StringDeserializer(),
                PaperSerdes.DEDUP_DECISION.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aBiorxivPreprintThenItsJournalRecordWithoutAbstractAreOnePaperWithBothDois() {
        PaperEvent preprint = only("biorxiv-2020.06.11.145425.jsonl");
        pipe(preprint);
        pipe(journalItem(preprint, PATTERNS_DOI, preprint.authors()));

        List<DedupDecision> d = decisions.readValuesToList();
        assertEquals(List.of(Outcome.NEW, Outcome.MERGED), d.stream().map(DedupDecision::outcome).toList());
        assertEquals("doi", d.get(1).matchedBy());
        CanonicalPaper paper = last(canonical.readValuesToList(), 2);
        assertBothDois(paper);
    }

    @Test
    void theJournalRecordFirstIsHeldUntilThePreprintBringsAnAbstractThenOneNewPaper() {
        PaperEvent preprint = only("biorxiv-2020.06.11.145425.jsonl");
        pipe(journalItem(preprint, PATTERNS_DOI, preprint.authors()));
        assertTrue(canonical.isEmpty(), "a title-only sighting cannot start a paper");
        pipe(preprint);

        List<DedupDecision> d = decisions.readValuesToList();
        assertEquals(List.of(Outcome.HELD, Outcome.MERGED), d.stream().map(DedupDecision::outcome).toList());
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals(1, papers.size(), "one record: " + papers);
        assertEquals(CanonicalPaper.Change.NEW, papers.get(0).change());
        assertTrue(papers.get(0).id().startsWith("content:"), papers.get(0).id());
        assertEquals(List.of(), papers.get(0).aliases(), "the held id was never published");
        assertBothDois(papers.get(0));
    }

    @Test
    void versionsOfOnePreprintAreOnePaperAndUnrelatedDoisStayApart() {
        read("biorxiv-008326-v3-v4.jsonl").forEach(this::pipe);
        List<PaperEvent> boettiger = read("crossref-boettiger.jsonl");
        boettiger.forEach(this::pipe);
        // the same title and text under another, unrelated DOI is still another paper
        PaperEvent first = boettiger.get(0);
        pipe(new PaperEvent(null, null, "10.1111/ele.99999", first.title(), first.abstractText(), first.authors(),
                List.of(), null, null, null, List.of(), List.of(), Map.of(), List.of(), null, PaperStatus.PUBLISHED,
                new Provenance("other-journal", "test-format", 1, T0)));

        List<DedupDecision> d = decisions.readValuesToList();
        assertEquals(List.of(Outcome.NEW, Outcome.MERGED, Outcome.NEW, Outcome.NEW, Outcome.HELD, Outcome.NEW,
                Outcome.NEW, Outcome.NEW), d.stream().map(DedupDecision::outcome).toList(), d.toString());
        assertEquals("doi", d.get(1).matchedBy(), "bioRxiv v4 joins v3 by its DOI");
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals(6, papers.stream().map(CanonicalPaper::id).distinct().count(),
                "the preprint, four works with abstracts (the title-only one is held), the copy");
        CanonicalPaper pmce = papers.get(1);
        assertEquals(List.of("10.1093/bioinformatics/btab717", "10.1101/008326"), pmce.dois());
        assertEquals(4, pmce.version());
    }

    @Test
    void aTitleOnlyJournalItemJoinsByTitleAndAuthorSurnames() {
        PaperEvent preprint = only("biorxiv-2020.06.11.145425.jsonl");
        pipe(preprint);
        // the feed writes full given names where bioRxiv has initials, and no DOI (as ScienceDirect's item)
        List<String> fullNames = preprint.authors().stream()
                .map(a -> "Anne " + a.substring(a.lastIndexOf(' ') + 1)).toList();
        pipe(journalItem(preprint, null, fullNames));
        PaperEvent strangers = journalItem(preprint, null, List.of("Constance E. McIntosh"));
        pipe(strangers.withSource(new Provenance("journal-feed-2", "journal-rss", 1, T0)));

        List<DedupDecision> d = decisions.readValuesToList();
        assertEquals(List.of(Outcome.NEW, Outcome.MERGED, Outcome.HELD), d.stream().map(DedupDecision::outcome).toList());
        assertEquals("title", d.get(1).matchedBy());
        CanonicalPaper paper = last(canonical.readValuesToList(), 2);
        assertEquals(PaperStatus.PUBLISHED, paper.status());
        assertEquals(2, paper.sources().size());
    }

    @Test
    void aRealTitleOnlyJournalItemAloneIsHeldNotPublished() {
        pipe(only("rss2-sciencedirect-title-only.jsonl"));
        pipe(only("crossref-fgene.2017.00147.jsonl"));

        assertEquals(List.of(Outcome.HELD, Outcome.HELD),
                decisions.readValuesToList().stream().map(DedupDecision::outcome).toList());
        assertTrue(canonical.isEmpty());
    }

    @Test
    void anArxivRecordWithAJournalDoiJoinsTheJournalsRecordInEitherOrder() {
        PaperEvent arxiv = only("arxiv-api-2202.12139.jsonl");
        PaperEvent crossref = new PaperEvent(null, null, arxiv.doi(), arxiv.title(), null, arxiv.authors(), List.of(),
                null, null, null, List.of(), List.of(), Map.of(), List.of(), null, PaperStatus.PUBLISHED,
                new Provenance("crossref-works", "crossref-works", 1, T0));
        pipe(crossref);
        pipe(arxiv);
        pipe(crossref.withSource(new Provenance("crossref-works", "crossref-works", 2, T0)));

        List<DedupDecision> d = decisions.readValuesToList();
        assertEquals(List.of(Outcome.HELD, Outcome.MERGED, Outcome.REPEAT),
                d.stream().map(DedupDecision::outcome).toList(), d.toString());
        assertEquals("doi", d.get(1).matchedBy());
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals("arxiv:2202.12139", papers.get(0).id());
        assertEquals(CanonicalPaper.Change.NEW, papers.get(0).change());
        assertEquals(1, papers.stream().filter(p -> p.change() == CanonicalPaper.Change.NEW).count());
        assertEquals(arxiv.doi(), papers.get(papers.size() - 1).doi());
        assertEquals(PaperStatus.PUBLISHED, papers.get(papers.size() - 1).status());
    }

    /**
     * A preprint, the journal's title-only Crossref item (only the journal DOI) and the journal's own record
     * (the journal DOI and {@code has-preprint} the preprint's), in all 6 orders: one paper with both DOIs,
     * published once. The preprint as bioRxiv lists it once published (naming the journal DOI) and as it
     * listed it before (its own DOI only: then the Crossref item, sharing no DOI with it, is held apart
     * until the journal's record, which names both, finds the two and joins them); the journal's record with
     * and without an abstract.
     */
    @Test
    void aPreprintItsCrossrefItemAndItsJournalRecordAreOnePaperPublishedOnceInEveryOrder() {
        PaperEvent published = only("biorxiv-2020.06.11.145425.jsonl");
        PaperEvent beforePublication = new PaperEvent(null, published.version(), published.doi(), published.title(),
                published.abstractText(), published.authors(), published.categories(), published.comment(),
                published.published(), null, published.links(), List.of(), Map.of(), List.of(), published.venue(),
                PaperStatus.PREPRINT, published.source());
        PaperEvent crossref = new PaperEvent(null, null, PATTERNS_DOI, published.title(), null, published.authors(),
                List.of(), null, "2020-07-10", null, List.of(), List.of(), Map.of("issn", List.of("2666-3899")), List.of(),
                "Patterns", PaperStatus.PUBLISHED, new Provenance("crossref-works", "crossref-works", 1, T0));
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (PaperEvent preprint : List.of(published, beforePublication)) {
            for (String journalAbstract : java.util.Arrays.asList(null, "In brief: " + published.abstractText())) {
                PaperEvent journal = new PaperEvent(null, null, PATTERNS_DOI, published.title(), journalAbstract,
                        published.authors(), List.of(), null, "2020-07-10", null, List.of(), List.of(), Map.of(),
                        List.of(new io.paperfeed.model.Relation(io.paperfeed.model.Relation.HAS_PREPRINT, "doi",
                                preprint.doi())), "Patterns", PaperStatus.PUBLISHED,
                        new Provenance("journal-feed", "journal-rss", 1, T0));
                for (List<PaperEvent> order : Orders.of(List.of(preprint, crossref, journal))) {
                    tearDown();
                    start(stateDir.resolve("run-" + runs++));
                    order.forEach(this::pipe);
                    List<CanonicalPaper> papers = canonical.readValuesToList();
                    String what = (preprint == published ? "preprint naming J" : "preprint alone")
                            + (journalAbstract == null ? ", title-only journal" : ", journal with abstract")
                            + ", order " + order.stream().map(e -> e.source().format()).toList() + ": ";
                    List<CanonicalPaper> live = papers.stream().filter(java.util.Objects::nonNull).toList();
                    if (live.stream().map(CanonicalPaper::id).distinct().count() != 1
                            || live.stream().filter(x -> x.change() == CanonicalPaper.Change.NEW).count() != 1
                            || papers.size() != live.size()) {
                        failures.add(what + papers.stream().map(x -> x == null ? "tombstone"
                                : x.id() + " " + x.change() + " " + x.dois()).toList());
                        continue;
                    }
                    CanonicalPaper last = live.get(live.size() - 1);
                    if (!last.dois().containsAll(List.of(PATTERNS_DOI, "10.1101/2020.06.11.145425"))
                            || last.sources().size() != 3 || last.status() != PaperStatus.PUBLISHED) {
                        failures.add(what + last.dois() + " " + last.sources().size() + " sources " + last.status());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void assertBothDois(CanonicalPaper paper) {
        assertEquals(PATTERNS_DOI, paper.doi(), "the publication's DOI");
        assertTrue(paper.dois().containsAll(List.of(PATTERNS_DOI, "10.1101/2020.06.11.145425")), paper.dois()::toString);
        assertEquals(PaperStatus.PUBLISHED, paper.status());
        assertEquals(2, paper.sources().size());
    }

    private static CanonicalPaper last(List<CanonicalPaper> papers, int expected) {
        assertEquals(expected, papers.size(), papers.toString());
        assertEquals(1, papers.stream().map(CanonicalPaper::id).distinct().count(), "one paper");
        return papers.get(papers.size() - 1);
    }

    /** A journal's title-only item for the preprint's publication: what the preprint record says of it. */
    static PaperEvent journalItem(PaperEvent preprint, String doi, List<String> authors) {
        return new PaperEvent(null, null, doi, preprint.title(), null, authors, List.of(), null, null, null, List.of(),
                List.of(), Map.of(), List.of(), null, PaperStatus.PUBLISHED,
                new Provenance("journal-feed", "journal-rss", 1, T0));
    }

    private void pipe(PaperEvent e) {
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e), T0);
    }

    private static PaperEvent only(String resource) {
        List<PaperEvent> events = read(resource);
        assertEquals(1, events.size());
        return events.get(0);
    }

    static List<PaperEvent> read(String resource) {
        List<PaperEvent> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CrossSourceDedupTest.class.getResourceAsStream("/cross-source/" + resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(Json.MAPPER.readValue(line, PaperEvent.class));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return events;
    }
}
