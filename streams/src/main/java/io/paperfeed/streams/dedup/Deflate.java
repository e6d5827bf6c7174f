package io.paperfeed.streams.dedup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Raw DEFLATE at its fastest level for the paper records in the refs store: an abstract is most of a
 * paper's bytes and English text deflates to about 55 %, which is what keeps dedup state under 2 KB
 * a paper. A record is short, so DEFLATE has little of its own text to refer back to; a preset
 * dictionary ({@link #PAPERS}: 8 KB of the words and phrases most frequent in real arXiv abstracts)
 * gives it some, and takes about 120 bytes more off each record. The dictionary is part of the state's
 * format: it never changes (a test holds its digest), a new one would be a new state version. One
 * compressor per thread, reused.
 */
final class Deflate {

    /** The preset dictionary of paper records (state version 5 on). */
    static final byte[] PAPERS = resource("paper-dictionary.txt");

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private Deflate() {
    }

    /** {@code data} deflated with {@code dictionary} preset (null: none), after its length. */
    static byte[] compress(byte[] data, byte[] dictionary) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        if (dictionary != null) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        byte[] buf = new byte[Math.max(64, data.length)];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            out.write(buf, 0, n);
        }
        Bin.Writer w = new Bin.Writer(out.size() + 5);
        w.varint(data.length);
        byte[] body = out.toByteArray();
        byte[] head = w.toByteArray();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** What {@link #compress} made with the same dictionary (null: none). */
    static byte[] decompress(byte[] data, byte[] dictionary) {
        Bin.Reader r = new Bin.Reader(data);
        int length = (int) r.varint();
        int offset = varintSize(length);
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        if (dictionary != null) {
            inflater.setDictionary(dictionary); // raw DEFLATE: set before any input, nothing asks for it
        }
        inflater.setInput(data, offset, data.length - offset);
        byte[] out = new byte[length];
        try {
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(out, n, length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                n += got;
            }
            if (n != length) {
                throw new SerializationException("dedup paper record inflates to " + n + " of " + length + " bytes");
            }
            return out;
        } catch (DataFormatException e) {
            throw new SerializationException("dedup paper record does not inflate: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Deflate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the dedup state dictionary " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
