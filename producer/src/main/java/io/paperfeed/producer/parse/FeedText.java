package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded feed: its whole text, its lines (1-based numbers in every accessor) and its paragraphs,
 * the runs of non-blank lines between blank lines. Lines and paragraphs are split on first use, so a
 * format that reads the whole text (XML) does not pay for them.
 */
final class FeedText {

    /** How many leading lines format detection looks at. */
    static final int HEAD_LINES = 400;

    /** A paragraph: consecutive non-blank lines, the first of them at {@code firstLine} (1-based). */
    record Block(int firstLine, List<String> lines) {

        Block {
            lines = List.copyOf(lines);
        }

        /** The lines joined by newlines, as given. */
        String text() {
            return String.join("\n", lines);
        }

        /** The first line, trimmed. */
        String first() {
            return lines.get(0).strip();
        }

        boolean singleLine() {
            return lines.size() == 1;
        }

        /** Characters of the block once whitespace is collapsed. */
        int length() {
            String c = TextNormalizer.clean(text());
            return c == null ? 0 : c.length();
        }
    }

    private final String text;
    private List<String> lines;
    private List<String> head;
    private int[] lineStarts;
    private List<Block> blocks;

    private FeedText(String text) {
        this.text = text;
    }

    /** A text whose lines end at {@code \n}, {@code \r\n} or {@code \r}; a leading BOM is dropped. */
    static FeedText of(String text) {
        return new FeedText(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The whole text as decoded (without a leading BOM). */
    String text() {
        return text;
    }

    /** The first {@code maxChars} characters of the text, for detection of formats that are not line-based. */
    String headChars(int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    /** All lines, without line terminators; line {@code n} is at index {@code n - 1}. */
    List<String> lines() {
        if (lines == null) {
            lines = List.copyOf(splitLines(Integer.MAX_VALUE));
        }
        return lines;
    }

    /** The first {@link #HEAD_LINES} lines, for detection. */
    List<String> head() {
        if (head == null) {
            head = lines != null ? lines.subList(0, Math.min(HEAD_LINES, lines.size()))
                    : List.copyOf(splitLines(HEAD_LINES));
        }
        return head;
    }

    /**
     * The offset in {@link #text()} of a 1-based line and column (as an XML parser reports them),
     * clamped to the text.
     */
    int offsetOf(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1) {
            return 0;
        }
        if (line > starts.length) {
            return text.length();
        }
        long offset = (long) starts[line - 1] + Math.max(0, column - 1);
        return (int) Math.min(offset, text.length());
    }

    /** The 1-based line of an offset in {@link #text()}. */
    int lineOf(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : Math.max(1, -i - 1);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (endsLine(i)) {
                    count++;
                }
            }
            int[] starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (endsLine(i)) {
                    starts[n++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

    /** True when the character at {@code i} ends a line: {@code \n}, or {@code \r} not followed by {@code \n}. */
    private boolean endsLine(int i) {
        char ch = text.charAt(i);
        return ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
    }

    /** Splits the text into at most {@code max} lines. */
    private List<String> splitLines(int max) {
        List<String> out = new ArrayList<>();
        String s = text;
        int start = 0;
        for (int i = 0; i < s.length() && out.size() < max; i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                out.add(s.substring(start, i));
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length() && out.size() < max) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** The non-blank lines among the first {@link #HEAD_LINES}, trimmed. */
    List<String> nonBlankHead() {
        List<String> out = new ArrayList<>();
        for (String line : head()) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** The paragraphs of the whole text. */
    List<Block> blocks() {
        if (blocks == null) {
            blocks = blocksOf(lines().size());
        }
        return blocks;
    }

    /** The paragraphs that start within the first {@link #HEAD_LINES} lines. */
    List<Block> headBlocks() {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks()) {
            if (b.firstLine() > HEAD_LINES) {
                break;
            }
            out.add(b);
        }
        return out;
    }

    private List<Block> blocksOf(int lineCount) {
        List<Block> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < lineCount; i++) {
            String line = lines().get(i);
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(new Block(first, current));
                    current = new ArrayList<>();
                }
            } else {
                if (current.isEmpty()) {
                    first = i + 1;
                }
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Block(first, current));
        }
        return out;
    }
}
