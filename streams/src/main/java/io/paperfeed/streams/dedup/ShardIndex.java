package io.paperfeed.streams.dedup;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition's share of the evidence index ({@code dedup-index}): for each evidence key this
 * partition owns (DOI, title, content hash, LSH band), the refs filed under it and the day it was
 * last filed to. A probe looks up and files in one step, so of two sightings that share a key, the
 * one that comes second to this partition always hears of the first.
 *
 * <p>Band entries older than the horizon are dropped by {@link #expire}, a few at a time; DOI, title
 * and content entries are kept for ever (they are small, and an id never stops identifying a paper).
 *
 * <p>A {@link KeyFilter} of the keys in the store, filled from the store when the index is made (after a
 * restore: the task's processors are initialised once its stores are restored) and on every filing,
 * answers most keys that were never filed without a read.
 */
final class ShardIndex {

    private static final Logger log = LoggerFactory.getLogger(ShardIndex.class);
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long[] NONE = new long[0];

    private final KeyValueStore<Bytes, byte[]> store;
    private final KeyFilter filter;
    private Bytes expiryCursor;

    ShardIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        long start = System.nanoTime();
        long keys = store.approximateNumEntries();
        this.filter = new KeyFilter(keys);
        long scanned = 0;
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            while (all.hasNext()) {
                filter.add(key(all.next().key));
                scanned++;
            }
        }
        if (scanned > 0) {
            log.info("evidence-key filter of {} keys ({} KB) built in {} ms", scanned, filter.bytes() / 1024,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The refs filed under an evidence key, in the order they were filed. */
    long[] lookup(long key) {
        byte[] value = read(key, bytes(key));
        return value == null ? NONE : refs(value);
    }

    private byte[] read(long key, Bytes k) {
        return filter.mightContain(key) ? store.get(k) : null;
    }

    private void file(List<KeyValue<Bytes, byte[]>> filings) {
        store.putAll(filings);
        filings.forEach(f -> filter.add(key(f.key)));
    }

    private static long key(Bytes k) {
        return ByteBuffer.wrap(k.get()).getLong();
    }

    /**
     * The refs filed under the keys (each once, never {@code ref} itself), after filing {@code ref} under
     * all of them, the filings written together in one RocksDB write batch (a sighting's keys are distinct;
     * a key named twice would be filed the same way twice).
     */
    long[] probe(long ref, long[] keys, long timeMs) {
        long[] found = new long[8];
        int n = 0;
        List<KeyValue<Bytes, byte[]>> filings = new ArrayList<>(keys.length);
        for (long key : keys) {
            Bytes k = bytes(key);
            byte[] value = read(key, k);
            long[] refs = value == null ? NONE : refs(value);
            boolean present = false;
            for (long r : refs) {
                if (r == ref) {
                    present = true;
                } else if (!contains(found, n, r)) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = r;
                }
            }
            if (!present) {
                filings.add(KeyValue.pair(k, encode(append(refs, ref), timeMs)));
            }
        }
        file(filings);
        return Arrays.copyOf(found, n);
    }

    /** Files {@code ref} under the keys (distinct), in one write batch. */
    void register(long ref, long[] keys, long timeMs) {
        List<KeyValue<Bytes, byte[]>> filings = new ArrayList<>(keys.length);
        for (long key : keys) {
            Bytes k = bytes(key);
            byte[] value = read(key, k);
            long[] refs = value == null ? NONE : refs(value);
            if (!contains(refs, refs.length, ref)) {
                filings.add(KeyValue.pair(k, encode(append(refs, ref), timeMs)));
            }
        }
        file(filings);
    }

    /**
     * Drops band entries last filed to before {@code cutoffMs}, looking at up to {@code budget} entries
     * from where the last call stopped (so a sweep of a large index is spread over many calls).
     * Returns the entries dropped.
     */
    int expire(long cutoffMs, int budget) {
        long cutoffDay = Math.floorDiv(cutoffMs, DAY_MS);
        List<Bytes> drop = new ArrayList<>();
        int seen = 0;
        Bytes last = null;
        try (KeyValueIterator<Bytes, byte[]> it = expiryCursor == null ? store.all()
                : store.range(expiryCursor, null)) {
            while (it.hasNext() && seen < budget) {
                KeyValue<Bytes, byte[]> kv = it.next();
                seen++;
                last = kv.key;
                long key = key(kv.key);
                if (Routing.kind(key) == Routing.BAND && day(kv.value) < cutoffDay) {
                    drop.add(kv.key);
                }
            }
            expiryCursor = it.hasNext() ? it.next().key : null;
        }
        drop.forEach(store::delete);
        if (!drop.isEmpty()) {
            log.debug("dropped {} expired band entries (scanned {}, up to {})", drop.size(), seen, last);
        }
        return drop.size();
    }

    static Bytes bytes(long key) {
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(key).array());
    }

    private static byte[] encode(long[] refs, long timeMs) {
        return new Bin.Writer(8 + refs.length * 8).varint(Math.floorDiv(timeMs, DAY_MS)).longs(refs).toByteArray();
    }

    private static long day(byte[] value) {
        return new Bin.Reader(value).varint();
    }

    private static long[] refs(byte[] value) {
        Bin.Reader r = new Bin.Reader(value);
        r.varint();
        return r.longs();
    }

    private static long[] append(long[] refs, long ref) {
        long[] more = Arrays.copyOf(refs, refs.length + 1);
        more[refs.length] = ref;
        return more;
    }

    private static boolean contains(long[] values, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }
}
