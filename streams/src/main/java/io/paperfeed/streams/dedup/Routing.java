package io.paperfeed.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where every dedup key lives. Keys are 64-bit: evidence keys (a DOI, a title, a content hash, an LSH
 * band) and paper refs alike; the top 32 bits choose the partition of the exchange topic, and so the
 * task whose stores answer for that key. The low 2 bits of an evidence key tell its kind.
 */
final class Routing {

    static final int DOI = 0;
    static final int TITLE = 1;
    static final int CONTENT = 2;
    static final int BAND = 3;

    private Routing() {
    }

    static int partition(long key, int partitions) {
        return Math.floorMod((int) (key >>> 32), partitions);
    }

    static int kind(long evidenceKey) {
        return (int) (evidenceKey & 3);
    }

    static long evidence(int kind, String value) {
        return (hash64(kind + ":" + value) & ~3L) | kind;
    }

    static long band(long bandHash) {
        return (bandHash & ~3L) | BAND;
    }

    /** The ref of the paper (or pending sighting) homed at {@code homeKey}: {@code a:<arXiv id>} or {@code c:<content hash>}. */
    static long ref(String homeKey) {
        return hash64(homeKey);
    }

    /** A second ref on the same partition as {@code base}, told apart by {@code salt}. */
    static long salted(long base, String salt) {
        return (base & 0xFFFFFFFF00000000L) | (hash64(salt) & 0xFFFFFFFFL);
    }

    /** FNV-1a over the UTF-8 bytes, finished with SplitMix64's mixer so every bit depends on every byte. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return MinHash.mix(h);
    }

    /** Sends each exchange record to the partition its key names, and refuses a topic of another size. */
    record Partitioner(int partitions) implements StreamPartitioner<Long, Message> {

        @Override
        public Optional<Set<Integer>> partitions(String topic, Long key, Message value, int numPartitions) {
            if (numPartitions != partitions) {
                throw new IllegalStateException(topic + " has " + numPartitions + " partitions but the dedup step was"
                        + " built for " + partitions + "; the exchange topic's partition count is fixed (see"
                        + " docs/OPERATIONS.md, scaling dedup)");
            }
            return Optional.of(Set.of(Routing.partition(key, partitions)));
        }
    }
}
