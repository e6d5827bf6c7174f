package io.paperfeed.producer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines, offsets and heads of a decoded feed, with every kind of line end. */
class FeedTextTest {

    @Test
    void linesOffsetsAndHeadAgreeForEveryLineEnd() {
        FeedText t = FeedText.of("\uFEFFab\r\ncd\ref\n\ngh");
        assertEquals("ab\r\ncd\ref\n\ngh", t.text(), "BOM dropped");
        assertEquals(List.of("ab", "cd", "ef", "", "gh"), t.lines());
        assertEquals(List.of("ab", "cd", "ef", "", "gh"), FeedText.of("ab\r\ncd\ref\n\ngh").head());
        assertEquals(0, t.offsetOf(1, 1));
        assertEquals(4, t.offsetOf(2, 1));
        assertEquals(5, t.offsetOf(2, 2));
        assertEquals(7, t.offsetOf(3, 1));
        assertEquals(11, t.offsetOf(5, 1));
        assertEquals(t.text().length(), t.offsetOf(9, 1), "clamped");
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 5), java.util.stream.IntStream.range(0, 13)
                .map(t::lineOf).boxed().toList());
        assertEquals("ab\r", t.headChars(3));
    }

    @Test
    void headStopsAtItsLimitWithoutSplittingTheRest() {
        String text = "x\n".repeat(FeedText.HEAD_LINES + 10);
        FeedText t = FeedText.of(text);
        assertEquals(FeedText.HEAD_LINES, t.head().size());
        assertEquals(FeedText.HEAD_LINES + 10, t.lines().size());
    }
}
