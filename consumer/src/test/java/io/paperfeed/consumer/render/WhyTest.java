package io.paperfeed.consumer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.SimilarTo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentence every reader channel (Atom, e-mail, Slack) shows: topics, matched words, and a like profile's why. */
class WhyTest {

    @Test
    void topicsAndMatchedWordsOfAQuery() {
        assertEquals("topics: KV cache; matched: “kv cache”, compression",
                new Why(List.of("kv-cache"), List.of("kv cache", "compression")).sentence(Map.of("kv-cache", "KV cache")));
    }

    @Test
    void aLikeMatchNamesTheClosestLikedPapersAndItsScore() {
        SimilarTo similar = new SimilarTo(0.912, 0.6, "linear", List.of(
                new SimilarTo.Closest("arxiv:2507.20534", "Kimi K2", 0.834), new SimilarTo.Closest("arxiv:1", null, 0.5)));
        assertEquals("like “Kimi K2” (0.83), “arxiv:1” (0.50); score 0.91 ≥ 0.60",
                new Why(List.of(), List.of(), similar).sentence(Map.of()));
        assertEquals("", new Why(List.of(), List.of()).sentence(Map.of()));
    }
}
