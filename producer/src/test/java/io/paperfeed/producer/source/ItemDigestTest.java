package io.paperfeed.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An item's identity: its content and its document, not its position or fetch time. */
class ItemDigestTest {

    static final Instant T1 = Instant.parse("2025-08-20T04:00:00Z");
    static final Instant T2 = Instant.parse("2025-08-21T04:00:00Z");

    static PaperEvent paper(String abstractText, int position, Instant fetchedAt) {
        return new PaperEvent("2508.01234", 1, null, "A title", abstractText, List.of("A. Author"), List.of("cs.AI"),
                null, "2025-08-20", null, new Provenance("https://example.org/feed", "arxiv-rss", position, fetchedAt));
    }

    @Test
    void positionAndFetchTimeDoNotCount() {
        String doc = "https://example.org/feed";
        String digest = ItemDigest.of(doc, paper("We study things.", 1, T1));
        assertEquals(16, digest.length());
        assertEquals(digest, ItemDigest.of(doc, paper("We study things.", 7, T2)));
    }

    @Test
    void contentAndDocumentDo() {
        String digest = ItemDigest.of("a.txt", paper("We study things.", 1, T1));
        assertNotEquals(digest, ItemDigest.of("a.txt", paper("We study other things.", 1, T1)));
        assertNotEquals(digest, ItemDigest.of("b.txt", paper("We study things.", 1, T1)));
    }

    @Test
    void invalidItemsLeaveOutTheirTimeAndPlace() {
        InvalidItem one = new InvalidItem("no-abstract", "no abstract", "producer",
                new Provenance("a.txt", "x", 3, T1), "Title only", T1);
        InvalidItem moved = new InvalidItem("no-abstract", "no abstract", "producer",
                new Provenance("a.txt", "x", 9, T2), "Title only", T2);
        assertEquals(ItemDigest.of("a.txt", one), ItemDigest.of("a.txt", moved));
        assertNotEquals(ItemDigest.of("a.txt", one), ItemDigest.of("a.txt", paper("Title only", 3, T1)));
    }
}
