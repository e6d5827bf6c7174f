package io.paperfeed.consumer.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A preview lists exactly the papers the streams app's matcher would alert, checked paper by paper over
 * 300 real arXiv papers, within the days asked for, with why.
 */
class SubscriptionPreviewTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    private static final SubscriptionValidator VALIDATOR = SubscriptionValidator.of(Taxonomy.defaults());
    private static List<CanonicalPaper> papers;
    private final RecentPapers recent = new RecentPapers(Duration.ofDays(30), 50_000, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SubscriptionPreview preview = new SubscriptionPreview(recent, VALIDATOR, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void read() throws Exception {
        papers = ArxivDaily.sample();
    }

    @AfterEach
    void close() {
        recent.close();
    }

    /** Paper i was seen i hours before now (295 papers: the last 12.3 days). */
    private void seeAll() {
        for (int i = 0; i < papers.size(); i++) {
            recent.put(papers.get(i), NOW.minus(Duration.ofHours(i)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abstract:\"language model\"", "title:diffusion", "vision AND NOT language",
            "authors:wang", "categories:cs.CV", "segment*", "\"large language\"~2", "topics:llm-serving"})
    void theListIsWhatTheMatcherMatchesPaperByPaper(String query) {
        seeAll();
        Subscription s = Subscription.ofQuery("try", query);
        PreviewResult result = preview.preview(s, 30, SubscriptionPreview.MAX_LIMIT);
        List<String> expected = new ArrayList<>();
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(VALIDATOR)) {
            matcher.register(s);
            for (CanonicalPaper p : papers) {
                if (!matcher.match(p).matches().isEmpty()) {
                    expected.add(p.id());
                }
            }
        }
        assertFalse(expected.isEmpty(), "the query matches some papers: " + query);
        assertEquals(expected, result.papers().stream().map(PreviewPaper::id).toList(), "newest first, as seen");
        assertEquals(expected.size(), result.matched());
        assertEquals(papers.size(), result.searched());
        assertTrue(result.papers().stream().allMatch(p -> !p.terms().isEmpty() || !p.topics().isEmpty()),
                "each says why");
    }

    @Test
    void topicsAndAQueryTogetherExplainBoth() {
        seeAll();
        Subscription s = new Subscription("kv", null, "model", List.of("llm-reasoning", "multimodal-llm"),
                Subscription.Mode.INSTANT, false, List.of());
        PreviewResult result = preview.preview(s, 30, 10);
        assertTrue(result.matched() > 10, "more match than are listed: " + result.matched());
        assertEquals(10, result.papers().size());
        PreviewPaper first = result.papers().get(0);
        assertFalse(first.topics().isEmpty());
        assertTrue(first.terms().contains("model") || first.terms().contains("models"), first.terms().toString());
        assertTrue(first.link().startsWith("https://arxiv.org/abs/"), first.link());
    }

    @Test
    void onlyTheDaysAskedForCount() {
        seeAll();
        Subscription s = Subscription.ofQuery("all", "categories:cs.CV OR categories:cs.CL OR categories:cs.AI");
        int all = preview.preview(s, 30, 0).matched();
        int lastDay = preview.preview(s, 1, 0).matched();
        assertTrue(lastDay > 0 && lastDay < all, lastDay + " of " + all);
        assertEquals(papers.subList(0, 25).stream().filter(p -> p.categories().stream()
                .anyMatch(c -> List.of("cs.CV", "cs.CL", "cs.AI").contains(c))).count(), lastDay,
                "papers 0..24 were seen within 24 hours");
        CanonicalPaper old = papers.get(papers.size() - 1);
        recent.put(old.withChange(CanonicalPaper.Change.UPDATED), NOW);
        assertEquals(lastDay, preview.preview(s, 1, 0).matched(), "an update keeps the time a paper was first seen");
        assertThrows(IllegalArgumentException.class, () -> preview.preview(s, 31, 10));
        assertThrows(IllegalArgumentException.class, () -> preview.preview(s, 0, 10));
    }

    @Test
    void aPaperThatChangedIdIsOnePaperAndATombstoneRemovesOne() {
        Provenance source = new Provenance("seeds/x.txt", "f", 1, Instant.EPOCH);
        CanonicalPaper content = new CanonicalPaper("content:abc", null, null, null, "Adaptive KV cache merging",
                "We merge the KV cache.", List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(),
                List.of(source), List.of(), CanonicalPaper.Change.NEW);
        CanonicalPaper arxiv = new CanonicalPaper("arxiv:2407.08454", "2407.08454", 1, null, content.title(),
                content.abstractText(), List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(),
                List.of(source), List.of("content:abc"), CanonicalPaper.Change.UPDATED);
        Subscription s = Subscription.ofQuery("kv", "abstract:\"kv cache\"");
        recent.put(content, NOW.minusSeconds(60));
        recent.put(arxiv, NOW);
        PreviewResult result = preview.preview(s, 30, 10);
        assertEquals(List.of("arxiv:2407.08454"), result.papers().stream().map(PreviewPaper::id).toList());
        assertEquals(NOW.minusSeconds(60), result.papers().get(0).seenAt(), "seen when the content id was");
        assertEquals(List.of("kv cache"), result.papers().get(0).terms());
        recent.remove("arxiv:2407.08454");
        assertEquals(0, preview.preview(s, 30, 10).matched());
    }

    @Test
    void anInvalidSubscriptionIsRefusedAsTheApiRefusesIt() {
        seeAll();
        assertThrows(InvalidSubscriptionException.class, () -> preview.preview(Subscription.ofQuery("x", "title:(unclosed"), 30, 10));
        assertThrows(InvalidSubscriptionException.class, () -> preview.preview(Subscription.ofTopics("x", List.of("no-such-topic")), 30, 10));
    }
}
