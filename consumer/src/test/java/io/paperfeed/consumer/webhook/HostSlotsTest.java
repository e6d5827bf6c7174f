package io.paperfeed.consumer.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class HostSlotsTest {

    /** Runs tasks only when the test says, so the slots' bookkeeping can be watched step by step. */
    private final List<Runnable> submitted = new ArrayList<>();
    private final Executor manual = submitted::add;

    @Test
    void atMostPerHostRunAtOnceThenUpToTheQueueWaitThenTheHostIsFull() {
        HostSlots slots = new HostSlots(2, 1, manual);
        CompletableFuture<String> a = slots.submit("http://h.example/x", () -> "a", false);
        CompletableFuture<String> b = slots.submit("http://H.example/y", () -> "b", false);
        CompletableFuture<String> c = slots.submit("http://h.example/z", () -> "c", false);
        assertEquals(2, submitted.size(), "two running, the third waits without a thread");
        assertFalse(slots.available("http://h.example/"));
        assertNull(slots.submit("http://h.example/w", () -> "d", false), "full: slots and queue taken");
        assertTrue(slots.available("http://other.example/"), "another host is not affected");
        assertTrue(slots.submit("http://h.example/w", () -> "e", true) != null, "the retry worker may wait beyond");

        submitted.get(0).run();
        assertEquals("a", a.join());
        assertEquals(3, submitted.size(), "a finished slot starts the next waiting task");
        submitted.get(1).run();
        submitted.get(2).run();
        submitted.get(3).run();
        assertEquals("b", b.join());
        assertEquals("c", c.join());
        assertTrue(slots.available("http://h.example/"));
        assertEquals(0, slots.running("http://h.example/"));
    }

    @Test
    void portsAreHostsOfTheirOwn() {
        assertEquals("h.example:8080", HostSlots.hostOf("http://H.example:8080/x"));
        assertEquals("h.example:-1", HostSlots.hostOf("https://h.example/x"));
    }
}
