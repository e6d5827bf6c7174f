package io.paperfeed.consumer.sse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The latest events of one stream, kept in memory so that most clients (new ones, and ones that
 * reconnect after a short absence) are served without reading Kafka. Bounded in events and bytes;
 * the oldest go first. {@link #start(int)} says, per partition, from which offset on every event
 * the hub handed out is still here. Not thread-safe: the hub guards it.
 */
final class RecentWindow {

    private final int maxEvents;
    private final long maxBytes;
    private final Deque<SseEvent> events = new ArrayDeque<>();
    private final long[] start;
    private long bytes;

    /** @param start per partition, the offset the hub starts reading at */
    RecentWindow(int maxEvents, long maxBytes, long[] start) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.start = start.clone();
    }

    void add(SseEvent event) {
        events.addLast(event);
        bytes += event.frame().length;
        while (!events.isEmpty() && (events.size() > maxEvents || bytes > maxBytes)) {
            SseEvent evicted = events.removeFirst();
            bytes -= evicted.frame().length;
            start[evicted.partition()] = Math.max(start[evicted.partition()], evicted.offset() + 1);
        }
    }

    /** From this offset of the partition on, every event handed out is in the window. */
    long start(int partition) {
        return start[partition];
    }

    /** The window's events at or after {@code from} that {@code accepts} takes, oldest first. */
    List<SseEvent> from(StreamPosition from, Predicate<SseEvent> accepts) {
        List<SseEvent> out = new ArrayList<>();
        for (SseEvent event : events) {
            if (event.offset() >= from.next(event.partition()) && accepts.test(event)) {
                out.add(event);
            }
        }
        return out;
    }

    int size() {
        return events.size();
    }
}
