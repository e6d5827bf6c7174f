package io.paperfeed.producer.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random damage to a feed's bytes, reproducible from the {@link Random} given. */
final class Mutations {

    /** Fragments that stress the parsers' own syntax. */
    private static final List<String> FRAGMENTS = List.of("<entry>", "</entry>", "<summary>", "</summary>", "&", "&amp",
            "&xxe;", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<?xml version='1.0'?>", "</feed>", "<feed>",
            "{", "}", "\"", "{\"id\":", "\"summary\":", "null", "Abstract:", "arXiv:", "arXiv:2507.20534v2",
            "Created: 2025-07-28 Updated:", "arXiv.org Artificial Intelligence", "Daily Papers", "Aug 29",
            "Announce Type: new", "\u0000", "\uFEFF", "\r", "\r\n", "\n\n", "\t", "-\n", "\\textbf{", "$\\sim\\!2\\times$");

    private static final String SYNTAX = " \n\t-{}$\\<>&;:\"";

    private Mutations() {
    }

    /** The largest mutated input: big enough for huge lines, small enough to keep a try quick. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** One to four random mutations of the input, cut at {@link #MAX_BYTES}. */
    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out = once(out, random);
            if (out.length > MAX_BYTES) {
                out = Arrays.copyOf(out, MAX_BYTES);
            }
        }
        return out;
    }

    private static byte[] once(byte[] in, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> Arrays.copyOf(in, in.length == 0 ? 0 : random.nextInt(in.length));
            case 1 -> flipBytes(in, random);
            case 2 -> lines(in, random, Op.DUPLICATE);
            case 3 -> lines(in, random, Op.DELETE);
            case 4 -> lines(in, random, Op.SWAP);
            case 5 -> insert(in, random, randomUnicode(random, 1 + random.nextInt(200)));
            case 6 -> insert(in, random, hugeLine(random));
            case 7 -> insert(in, random, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8));
            default -> lines(in, random, Op.REPEAT);
        };
    }

    private static byte[] flipBytes(byte[] in, Random random) {
        byte[] out = in.clone();
        int flips = out.length == 0 ? 0 : 1 + random.nextInt(20);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private enum Op { DUPLICATE, DELETE, SWAP, REPEAT }

    private static byte[] lines(byte[] in, Random random, Op op) {
        List<byte[]> lines = split(in);
        if (lines.isEmpty()) {
            return in;
        }
        int i = random.nextInt(lines.size());
        switch (op) {
            case DUPLICATE -> lines.add(i, lines.get(i));
            case DELETE -> lines.remove(i);
            case SWAP -> {
                int j = random.nextInt(lines.size());
                byte[] t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case REPEAT -> {
                int times = 2 + random.nextInt(200);
                for (int k = 0; k < times; k++) {
                    lines.add(i, lines.get(i));
                }
            }
            default -> throw new IllegalStateException();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (byte[] line : lines) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    /** Lines with their terminators, so that joining them gives the input back. */
    private static List<byte[]> split(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                out.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            out.add(Arrays.copyOfRange(in, start, in.length));
        }
        return out;
    }

    private static byte[] insert(byte[] in, Random random, byte[] piece) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        byte[] out = new byte[in.length + piece.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(in, at, out, at + piece.length, in.length - at);
        return out;
    }

    /** Any code points: controls, combining marks, right-to-left, supplementary, unpaired surrogates. */
    static byte[] randomUnicode(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x300 + random.nextInt(0x70); // combining marks
                case 2 -> random.nextInt(0x10000);
                case 3 -> 0x10000 + random.nextInt(0x100000);
                default -> SYNTAX.charAt(random.nextInt(SYNTAX.length()));
            };
            s.appendCodePoint(cp);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A line of 20 to 300 thousand characters: one repeated character or word, whitespace, or random text. */
    static byte[] hugeLine(Random random) {
        int length = 20_000 + random.nextInt(280_000);
        String unit = switch (random.nextInt(8)) {
            case 0 -> "x";
            case 1 -> " ";
            case 2 -> "\t ";
            case 3 -> "1";
            case 4 -> "a-";
            case 5 -> "<entry>";
            case 6 -> ", and ";
            default -> new String(randomUnicode(random, 50), StandardCharsets.UTF_8);
        };
        String line = unit.repeat(Math.max(1, length / unit.length()));
        String prefix = switch (random.nextInt(5)) {
            case 0 -> "Abstract: ";
            case 1 -> "Created: ";
            case 2 -> "arXiv:";
            case 3 -> "{\"id\": \"";
            default -> "";
        };
        return (prefix + line + (random.nextBoolean() ? "\n" : "z")).getBytes(StandardCharsets.UTF_8);
    }
}
