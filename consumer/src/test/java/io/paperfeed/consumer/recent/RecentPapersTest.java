package io.paperfeed.consumer.recent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recent papers as like lists and ratings look them up: by id and by earlier id, within the window and count. */
class RecentPapersTest {

    private static final Instant NOW = Instant.parse("2025-08-01T12:00:00Z");

    private RecentPapers papers;

    @AfterEach
    void close() {
        papers.close();
    }

    private static CanonicalPaper paper(String id, List<String> aliases) {
        CanonicalPaper p = CanonicalPaper.firstSighting(id, new PaperEvent(null, null, null, "Title of " + id,
                "Abstract of " + id, List.of(), List.of(), null, null, null, List.of(),
                new Provenance("s", "f", 1, Instant.EPOCH)));
        return new CanonicalPaper(p.id(), p.arxivId(), p.version(), p.doi(), p.title(), p.abstractText(), p.authors(),
                p.categories(), p.predictedCategories(), p.comment(), p.published(), p.updated(), p.links(), p.topics(),
                p.sources(), aliases, CanonicalPaper.Change.UPDATED);
    }

    private void open(int maxPapers) {
        papers = new RecentPapers(Duration.ofDays(30), maxPapers, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void papersAreFoundByIdAndAliasTheLatestVersionWinsAndATombstoneRemoves() {
        open(10);
        papers.put(paper("content:aa", List.of()), NOW.minusSeconds(60));
        papers.put(paper("arxiv:1", List.of("content:aa")), NOW);
        papers.put(paper("arxiv:2", List.of()), NOW);
        papers.remove("arxiv:2");
        assertEquals("Title of arxiv:1", papers.find("arxiv:1").orElseThrow().title());
        assertEquals("arxiv:1", papers.find("content:aa").orElseThrow().id(), "found under its old id");
        assertTrue(papers.find("arxiv:2").isEmpty(), "a tombstone removes it");
        assertEquals(1, papers.size());
    }

    @Test
    void theOldestPapersMakeRoomAndPapersOlderThanTheWindowAreNotFound() {
        open(3);
        papers.put(paper("arxiv:0", List.of()), NOW.minus(Duration.ofDays(31)));
        for (int i = 1; i <= 5; i++) {
            papers.put(paper("arxiv:" + i, List.of()), NOW.minusSeconds(10 - i));
        }
        assertEquals(3, papers.size());
        assertTrue(papers.find("arxiv:0").isEmpty(), "older than the window");
        assertTrue(papers.find("arxiv:2").isEmpty(), "the oldest went first");
        assertTrue(papers.find("arxiv:5").isPresent());
    }
}
