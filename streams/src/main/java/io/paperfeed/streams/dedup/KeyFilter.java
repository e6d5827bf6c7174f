package io.paperfeed.streams.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Which evidence keys one partition's index may hold, in the heap: a Bloom filter that grows by adding
 * layers of twice the capacity (a scalable Bloom filter), at least 16 bits and 4 probes a key in each
 * layer (about 0.25 % false positives per layer). Most keys a new paper probes (its LSH bands) were
 * never filed, and answering those without a RocksDB read is what it is for: "no" is certain, "maybe"
 * means read the store. Keys dropped from the store stay in the filter (they only cost a read).
 */
final class KeyFilter {

    static final int FIRST_CAPACITY = 1 << 16;
    private static final long MAX_CAPACITY = 1L << 30; // a layer's bits: 2 GiB
    private static final int PROBES = 4;

    private final List<Layer> layers = new ArrayList<>();

    /** A filter for about {@code expected} keys before it needs a second layer. */
    KeyFilter(long expected) {
        long capacity = Math.max(FIRST_CAPACITY, Long.highestOneBit(Math.max(1, expected)) << 1);
        layers.add(new Layer(Math.min(MAX_CAPACITY, capacity)));
    }

    boolean mightContain(long key) {
        long h1 = MinHash.mix(key);
        return mightContain(h1, second(h1));
    }

    /** Adds a key; one the filter answers "maybe" already (a key filed before, or a false positive) takes no room. */
    void add(long key) {
        long h1 = MinHash.mix(key);
        long h2 = second(h1);
        if (mightContain(h1, h2)) {
            return;
        }
        Layer last = layers.get(layers.size() - 1);
        if (last.keys == last.capacity) {
            last = new Layer(Math.min(MAX_CAPACITY, last.capacity * 2));
            layers.add(last);
        }
        last.add(h1, h2);
    }

    private boolean mightContain(long h1, long h2) {
        for (Layer layer : layers) {
            if (layer.mightContain(h1, h2)) {
                return true;
            }
        }
        return false;
    }

    /** The step of the double hashing: odd, so the probes of a layer never repeat one bit. */
    private static long second(long h1) {
        return MinHash.mix(h1) | 1;
    }

    /** Bytes of heap the bit sets take. */
    long bytes() {
        return layers.stream().mapToLong(l -> l.bits.length * (long) Long.BYTES).sum();
    }

    private static final class Layer {
        final long capacity;
        final long[] bits;
        final long mask;
        long keys;

        Layer(long capacity) {
            this.capacity = capacity;
            long size = capacity * 16; // bits, a power of two
            this.bits = new long[(int) (size >>> 6)];
            this.mask = bits.length * 64L - 1;
        }

        boolean mightContain(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = (h1 + i * h2) & mask;
                if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        void add(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = (h1 + i * h2) & mask;
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
            keys++;
        }
    }
}
