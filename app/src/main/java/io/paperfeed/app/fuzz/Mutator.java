package io.paperfeed.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes hostile inputs from valid ones, reproducibly from a seed: flipped bits, bytes inserted,
 * deleted or repeated, truncation, splices of two inputs, and tokens that break parsers (markup and
 * JSON punctuation, deep nesting, XML entities and DOCTYPEs, NUL and invalid UTF-8, huge numbers,
 * long runs). Each result is at most {@code maxBytes}.
 */
final class Mutator {

    private static final List<byte[]> TOKENS = List.of(
            "<".getBytes(StandardCharsets.UTF_8), ">".getBytes(StandardCharsets.UTF_8),
            "</entry>".getBytes(StandardCharsets.UTF_8), "<![CDATA[".getBytes(StandardCharsets.UTF_8),
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>".getBytes(StandardCharsets.UTF_8),
            "&e;".getBytes(StandardCharsets.UTF_8), "&#0;".getBytes(StandardCharsets.UTF_8),
            "{".getBytes(StandardCharsets.UTF_8), "}".getBytes(StandardCharsets.UTF_8),
            "[".repeat(2000).getBytes(StandardCharsets.UTF_8), "\"".getBytes(StandardCharsets.UTF_8),
            "\\u0000".getBytes(StandardCharsets.UTF_8), new byte[] {0}, new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {(byte) 0xc3}, "1e999999".getBytes(StandardCharsets.UTF_8),
            "-99999999999999999999999".getBytes(StandardCharsets.UTF_8), "\r\n".getBytes(StandardCharsets.UTF_8),
            "\n\n\n".getBytes(StandardCharsets.UTF_8), "Abstract:".getBytes(StandardCharsets.UTF_8),
            "arXiv:9999.99999v99".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
            "%s%n%x".getBytes(StandardCharsets.UTF_8), "\u202e\u0301\ufeff".getBytes(StandardCharsets.UTF_8),
            "x".repeat(20_000).getBytes(StandardCharsets.UTF_8));

    private final SplittableRandom random;
    private final int maxBytes;

    Mutator(long seed, int maxBytes) {
        this.random = new SplittableRandom(seed);
        this.maxBytes = maxBytes;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One to four mutations of {@code input}, sometimes spliced with {@code other}. */
    byte[] mutate(byte[] input, byte[] other) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out, other);
        }
        return out.length > maxBytes ? Arrays.copyOf(out, maxBytes) : out;
    }

    /** Random bytes, sometimes printable only. */
    byte[] generate(int length) {
        byte[] out = new byte[length];
        boolean printable = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (printable ? 32 + random.nextInt(95) : random.nextInt(256));
        }
        return out;
    }

    private byte[] once(byte[] in, byte[] other) {
        if (in.length == 0) {
            return pick(TOKENS).clone();
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> {
                return splice(in, at, Math.min(in.length, at + 1 + random.nextInt(64)), new byte[0]);
            }
            case 2 -> {
                return splice(in, at, at, pick(TOKENS));
            }
            case 3 -> {
                return Arrays.copyOf(in, at);
            }
            case 4 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(256));
                byte[] chunk = Arrays.copyOfRange(in, at, end);
                return splice(in, end, end, chunk);
            }
            case 5 -> {
                int cut = other.length == 0 ? 0 : random.nextInt(other.length);
                return splice(in, at, in.length, Arrays.copyOfRange(other, cut, other.length));
            }
            case 6 -> {
                return splice(in, at, Math.min(in.length, at + 1 + random.nextInt(16)), generate(1 + random.nextInt(16)));
            }
            default -> {
                byte[] out = in.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                return out;
            }
        }
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }
}
