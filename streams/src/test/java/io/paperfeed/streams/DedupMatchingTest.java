package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.DedupDecision.Outcome;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
 * Dedup by DOI and by title through the whole topology: a DOI alone is enough, a title needs some
 * shared text, and two different arXiv ids or DOIs are never one paper, whatever else they share.
 * Each case reads the decision of the second sighting ({@code paperfeed.dedup.decisions}) and the
 * canonical records.
 */
class DedupMatchingTest {

    private static final Instant T0 = Instant.parse("2025-08-20T06:00:00Z");
    private static final String PAGED = "High throughput serving of large language models requires batching "
            + "sufficiently many requests at a time. However, existing systems struggle because the key-value cache "
            + "memory for each request is huge and grows and shrinks dynamically. We propose PagedAttention, an "
            + "attention algorithm inspired by virtual memory and paging in operating systems.";
    /** The same abstract as another feed words it: one sentence dropped, a few words changed. */
    private static final String PAGED_EDITED = "High-throughput serving of large language models (LLMs) requires "
            + "batching many requests at a time. Existing systems struggle because the key-value cache memory for "
            + "each request is huge and grows and shrinks dynamically.";
    private static final String OTHER = "We study the sample complexity of reinforcement learning in tabular Markov "
            + "decision processes with a generative model, and give matching upper and lower bounds.";
    private static final String TITLE = "Efficient Memory Management for Large Language Model Serving";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, CanonicalPaper> canonical;
    private TestOutputTopic<String, DedupDecision> decisions;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings("dummy:9092", "dedup-matching-test", stateDir, 1, null);
        driver = new TopologyTestDriver(PaperFeedTopology.buildThroughDedup(settings, new PipelineMetrics(),
                io.paperfeed.streams.dedup.DedupSettings.single()),
                settings.toProperties());
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
    void aSightingWithOnlyTheDoiInCommonMergesByDoi() {
        pipe(sighting(null, "10.48550/arXiv.2309.06180", TITLE, PAGED, 1));
        pipe(sighting(null, " 10.48550/ARXIV.2309.06180 ", "vLLM: Easy, Fast and Cheap LLM Serving", OTHER, 2));

        DedupDecision second = secondDecision();
        assertEquals(List.of(Outcome.MERGED, "doi"), List.of(second.outcome(), second.matchedBy()));
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals(2, papers.size());
        assertEquals(papers.get(0).id(), papers.get(1).id(), "one paper");
        assertEquals(CanonicalPaper.Change.UPDATED, papers.get(1).change());
        assertEquals(2, papers.get(1).sources().size());
    }

    @Test
    void theSameNormalisedTitleWithASimilarAbstractMergesByTitle() {
        pipe(sighting(null, null, TITLE, PAGED, 1));
        pipe(sighting(null, null, "  efficient memory management for LARGE language model serving.", PAGED_EDITED, 2));

        DedupDecision second = secondDecision();
        assertEquals(List.of(Outcome.MERGED, "title"), List.of(second.outcome(), second.matchedBy()));
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals(papers.get(0).id(), papers.get(1).id(), "one paper");
    }

    @Test
    void theSameTitleWithADifferentAbstractIsAnotherPaper() {
        pipe(sighting(null, null, TITLE, PAGED, 1));
        pipe(sighting(null, null, TITLE, OTHER, 2));

        assertEquals(Outcome.NEW, secondDecision().outcome());
        assertTwoPapers();
    }

    @Test
    void differentArxivIdsAreNeverMergedEvenWithTheSameDoiTitleAndAbstract() {
        pipe(sighting("2309.06180", "10.1145/3600006.3613165", TITLE, PAGED, 1));
        pipe(sighting("2309.06181", "10.1145/3600006.3613165", TITLE, PAGED, 2));

        assertEquals(Outcome.NEW, secondDecision().outcome());
        assertTwoPapers();
    }

    @Test
    void differentDoisAreNeverMergedEvenWithTheSameTitleAndAbstract() {
        pipe(sighting(null, "10.1145/3600006.3613165", TITLE, PAGED, 1));
        pipe(sighting(null, "10.1145/3600006.3613166", TITLE, PAGED, 2));

        assertEquals(Outcome.NEW, secondDecision().outcome());
        assertTwoPapers();
    }

    @Test
    void aDoiOnlyOneSideHasIsNoConflict() {
        pipe(sighting(null, "10.1145/3600006.3613165", TITLE, PAGED, 1));
        pipe(sighting(null, null, TITLE, PAGED_EDITED, 2));

        DedupDecision second = secondDecision();
        assertEquals(List.of(Outcome.MERGED, "title"), List.of(second.outcome(), second.matchedBy()));
    }

    private void pipe(PaperEvent e) {
        raw.pipeInput(e.itemKey(), PaperSerdes.PAPER_EVENT.serialize(Topics.PAPERS_RAW.name(), e), T0);
    }

    private DedupDecision secondDecision() {
        List<DedupDecision> all = decisions.readValuesToList();
        assertEquals(2, all.size(), all.toString());
        assertEquals(Outcome.NEW, all.get(0).outcome());
        return all.get(1);
    }

    private void assertTwoPapers() {
        List<CanonicalPaper> papers = canonical.readValuesToList();
        assertEquals(2, papers.size(), papers.toString());
        assertNotEquals(papers.get(0).id(), papers.get(1).id());
        assertEquals(List.of(CanonicalPaper.Change.NEW, CanonicalPaper.Change.NEW),
                papers.stream().map(CanonicalPaper::change).toList());
    }

    private static PaperEvent sighting(String arxivId, String doi, String title, String abstractText, int position) {
        return new PaperEvent(arxivId, null, doi, title, abstractText, List.of(), List.of(), null, null, null,
                new Provenance("feeds/dedup-matching.txt", "test-format", position, T0));
    }
}
