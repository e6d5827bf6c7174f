package io.paperfeed.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The compact binary form of the de-duplicator's messages and state: variable-length integers,
 * nullable UTF-8 strings and lists, written into a growing array and read back in the same order.
 * Internal to dedup (its exchange topic and stores), so no schema registry is needed; every form
 * starts with a version byte so that a later layout can read an earlier one.
 */
final class Bin {

    private Bin() {
    }

    /** Writes values in order into a growing byte array. */
    static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        Writer u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
            return this;
        }

        Writer bool(boolean v) {
            return u8(v ? 1 : 0);
        }

        Writer varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        Writer i64(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[size++] = (byte) (v >>> (i * 8));
            }
            return this;
        }

        Writer f32(float v) {
            int bits = Float.floatToIntBits(v);
            ensure(4);
            for (int i = 3; i >= 0; i--) {
                buf[size++] = (byte) (bits >>> (i * 8));
            }
            return this;
        }

        /** A nullable string: length + 1 (0 for null), then its UTF-8 bytes. */
        Writer str(String s) {
            if (s == null) {
                return varint(0);
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length + 1L);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
            return this;
        }

        Writer bytes(byte[] b) {
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        Writer strings(List<String> list) {
            varint(list.size());
            list.forEach(this::str);
            return this;
        }

        Writer longs(long[] values) {
            varint(values.length);
            for (long v : values) {
                i64(v);
            }
            return this;
        }

        Writer nullableInt(Integer v) {
            return varint(v == null ? 0 : v + 1L);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reads values in the order a {@link Writer} wrote them. */
    static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        private void need(int n) {
            if (pos + n > buf.length) {
                throw new SerializationException("dedup record ends early at byte " + pos + " of " + buf.length);
            }
        }

        int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        boolean bool() {
            return u8() != 0;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new SerializationException("malformed variable-length integer at byte " + pos);
        }

        int length() {
            long n = varint();
            if (n < 0 || n > buf.length - pos) {
                throw new SerializationException("length " + n + " beyond the record at byte " + pos);
            }
            return (int) n;
        }

        long i64() {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        float f32() {
            need(4);
            int bits = 0;
            for (int i = 0; i < 4; i++) {
                bits = (bits << 8) | (buf[pos++] & 0xFF);
            }
            return Float.intBitsToFloat(bits);
        }

        String str() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            int len = (int) (n - 1);
            need(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        byte[] bytes() {
            int len = length();
            byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }

        List<String> strings() {
            int n = length();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(str());
            }
            return list;
        }

        long[] longs() {
            int n = length();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = i64();
            }
            return values;
        }

        Integer nullableInt() {
            long v = varint();
            return v == 0 ? null : (int) (v - 1);
        }
    }
}
