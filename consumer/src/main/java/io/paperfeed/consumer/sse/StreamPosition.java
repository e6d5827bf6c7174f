package io.paperfeed.consumer.sse;

import java.util.Arrays;

/**
 * Where a client stands in one event stream: for every partition of its Kafka topic, the offset of
 * the next record it has not seen. It is the SSE event id, {@code 0:15,1:7,2:0} (partition:next
 * offset, every partition), so a client reconnecting with {@code Last-Event-ID} resumes exactly: it
 * has seen every record of partition p below its offset (that its stream carries) and none above.
 */
public final class StreamPosition {

    private final long[] next;

    private StreamPosition(long[] next) {
        this.next = next;
    }

    /** The start of every partition: a new client replays the stream's whole history. */
    public static StreamPosition beginning(int partitions) {
        return new StreamPosition(new long[partitions]);
    }

    static StreamPosition of(long[] next) {
        return new StreamPosition(next.clone());
    }

    /**
     * Parses a {@code Last-Event-ID}; partitions it leaves out start from the beginning.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static StreamPosition parse(String eventId, int partitions) {
        long[] next = new long[partitions];
        for (String part : eventId.strip().split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Last-Event-ID must look like 0:15,1:7 (partition:offset,...): " + eventId);
            }
            int partition;
            long offset;
            try {
                partition = Integer.parseInt(part.substring(0, colon));
                offset = Long.parseLong(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Last-Event-ID must look like 0:15,1:7 (partition:offset,...): " + eventId);
            }
            if (partition < 0 || partition >= partitions || offset < 0) {
                throw new IllegalArgumentException("Last-Event-ID names partition " + partition + " offset " + offset
                        + " but the stream has partitions 0 to " + (partitions - 1));
            }
            next[partition] = offset;
        }
        return new StreamPosition(next);
    }

    public int partitions() {
        return next.length;
    }

    /** The offset of the next unseen record of a partition. */
    public long next(int partition) {
        return next[partition];
    }

    /** This position after the record at {@code offset} of {@code partition}. */
    public StreamPosition after(int partition, long offset) {
        long[] copy = next.clone();
        copy[partition] = offset + 1;
        return new StreamPosition(copy);
    }

    /** Whether this position is at or past {@code other} on every partition. */
    public boolean reached(StreamPosition other) {
        for (int p = 0; p < next.length; p++) {
            if (next[p] < other.next[p]) {
                return false;
            }
        }
        return true;
    }

    /** The event id: {@code 0:15,1:7,2:0}. */
    public String encode() {
        StringBuilder id = new StringBuilder(next.length * 8);
        for (int p = 0; p < next.length; p++) {
            if (p > 0) {
                id.append(',');
            }
            id.append(p).append(':').append(next[p]);
        }
        return id.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamPosition other && Arrays.equals(next, other.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return encode();
    }
}
