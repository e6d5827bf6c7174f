package io.paperfeed.subscriptions.like;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.embeddings.TextEmbedder;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.PaperEmbedding;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.InvalidSubscriptionException;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LikeResolverTest {

    /** Counts what it embeds; a text's vector is its length and its first letter. */
    private static final class CountingEmbedder implements TextEmbedder {
        final List<String> texts = new ArrayList<>();

        @Override
        public String modelId() {
            return "test-model";
        }

        @Override
        public float[] embed(String text) {
            texts.add(text);
            return PaperEmbedding.unit(new float[] {text.length(), text.charAt(0)});
        }
    }

    private static final PaperEmbedding STREAMED = PaperEmbedding.of("test-model", new float[] {0f, 1f});

    private static CanonicalPaper known(String id, PaperEmbedding embedding) {
        return CanonicalPaper.firstSighting(id, new PaperEvent(id.substring(6), 1, null, "Kimi K2", "We introduce Kimi K2.",
                List.of(), List.of(), null, null, null, List.of(), new Provenance("s", "f", 1, Instant.EPOCH)))
                .withEmbedding(embedding);
    }

    private final CountingEmbedder embedder = new CountingEmbedder();
    private final Map<String, CanonicalPaper> papers = Map.of(
            "arxiv:2507.20534", known("arxiv:2507.20534", STREAMED),
            "arxiv:2410.23659", known("arxiv:2410.23659", null));
    private final LikeResolver resolver = new LikeResolver(embedder, id -> Optional.ofNullable(papers.get(id)));

    @Test
    void aKnownPaperTakesTheEmbeddingTheStreamsAppComputed() {
        LikeItem item = resolver.resolve("s", LikeItem.ofPaper("https://arxiv.org/abs/2507.20534v1"));
        assertEquals("arxiv:2507.20534", item.paper());
        assertEquals("Kimi K2", item.title());
        assertSame(STREAMED, item.embedding());
        assertTrue(embedder.texts.isEmpty(), "nothing embedded again");
    }

    @Test
    void aKnownPaperWithoutAnEmbeddingIsEmbeddedFromItsText() {
        LikeItem item = resolver.resolve("s", LikeItem.ofPaper("2410.23659"));
        assertNotNull(item.embedding());
        assertEquals(List.of("Kimi K2. We introduce Kimi K2."), embedder.texts);
    }

    @Test
    void anInlinePaperIsEmbeddedAndItsAbstractNotKept() {
        LikeItem item = resolver.resolve("s", LikeItem.inline("KAN 2.0", "Kolmogorov-Arnold networks meet science."));
        assertEquals(List.of("KAN 2.0. Kolmogorov-Arnold networks meet science."), embedder.texts);
        assertEquals("KAN 2.0", item.title());
        assertEquals(null, item.abstractText());
    }

    @Test
    void anUnknownIdWithoutTextIsRefusedAndWithTextIsEmbedded() {
        InvalidSubscriptionException e = assertThrows(InvalidSubscriptionException.class,
                () -> resolver.resolve("kan", LikeItem.ofPaper("2404.19756")));
        assertEquals("unknown-paper", e.code());
        assertTrue(e.getMessage().contains("2404.19756 is not among the recent papers"), e.getMessage());
        LikeItem withText = resolver.resolve("kan", new LikeItem("2404.19756", "KAN", null, null));
        assertEquals("arxiv:2404.19756", withText.paper());
        assertNotNull(withText.embedding());
    }

    @Test
    void aResolvedSubscriptionPassesTheValidatorAndRepeatsAreDropped() {
        Subscription s = Subscription.ofLike("s", List.of(LikeItem.ofPaper("2507.20534"),
                LikeItem.ofPaper("arxiv:2507.20534v2"), LikeItem.inline("KAN", "networks")));
        SubscriptionValidator validator = SubscriptionValidator.anyTopic();
        InvalidSubscriptionException unresolved = assertThrows(InvalidSubscriptionException.class, () -> validator.check(s));
        assertEquals("unresolved-like", unresolved.code());
        Subscription resolved = resolver.resolve(s);
        assertEquals(2, resolved.like().size());
        validator.check(resolved);
    }
}
