package io.paperfeed.consumer.webhook;

import java.util.TreeSet;

/**
 * The offsets of one partition as a consumer that settles records out of order sees them: the next offset
 * to read, the records read and not settled yet, and what was committed. What can be committed is the
 * lowest unsettled offset, or the next offset to read when every record read is settled.
 */
final class PartitionOffsets {

    private final TreeSet<Long> unsettled = new TreeSet<>();
    private long next = -1;
    long committed = -1;

    /** A record was read (settled at once unless {@link #open} is called for it). */
    void read(long offset) {
        next = Math.max(next, offset + 1);
    }

    /** The record at {@code offset} waits for something before it is settled. */
    void open(long offset) {
        unsettled.add(offset);
    }

    /** The record at {@code offset} is settled. */
    void settle(long offset) {
        unsettled.remove(offset);
    }

    /** The offset to commit: everything below it is settled. */
    long committable() {
        return unsettled.isEmpty() ? next : unsettled.first();
    }

    /** Records read past what was committed (or past the first unsettled one, before any commit). */
    long uncommitted() {
        long base = committed >= 0 ? committed : unsettled.isEmpty() ? next : unsettled.first();
        return Math.max(0, next - base);
    }

    /** Records read and not settled yet. */
    int open() {
        return unsettled.size();
    }
}
