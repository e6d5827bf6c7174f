package io.paperfeed.consumer.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void encodesEveryPartitionsNextOffsetAndParsesItBack() {
        StreamPosition p = StreamPosition.beginning(3).after(0, 14).after(2, 6).after(0, 15);
        assertEquals("0:16,1:0,2:7", p.encode());
        assertEquals(p, StreamPosition.parse(p.encode(), 3));
        assertEquals(StreamPosition.parse("0:16,2:7", 3), p, "a partition left out starts at the beginning");
    }

    @Test
    void reachedComparesEveryPartition() {
        StreamPosition a = StreamPosition.parse("0:5,1:5", 2);
        assertTrue(a.reached(StreamPosition.parse("0:5,1:4", 2)));
        assertFalse(a.reached(StreamPosition.parse("0:6,1:0", 2)));
    }

    @Test
    void refusesMalformedIdsSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("0:x", 1))
                .getMessage().contains("partition:offset"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("3:1", 2))
                .getMessage().contains("partitions 0 to 1"));
        assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("0:-1", 1));
        assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("garbage", 1));
    }
}
