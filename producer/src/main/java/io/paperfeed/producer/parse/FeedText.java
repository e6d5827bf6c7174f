package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded feed: its lines (1-based numbers in every accessor) and its paragraphs, the runs of
 * non-blank lines between blank lines.
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

    private final List<String> lines;
    private List<Block> blocks;

    private FeedText(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Splits a text into lines at {@code \n}, {@code \r\n} or {@code \r}; a leading BOM is dropped. */
    static FeedText of(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                out.add(s.substring(start, i));
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return new FeedText(out);
    }

    /** All lines, without line terminators; line {@code n} is at index {@code n - 1}. */
    List<String> lines() {
        return lines;
    }

    /** The first {@link #HEAD_LINES} lines, for detection. */
    List<String> head() {
        return lines.subList(0, Math.min(HEAD_LINES, lines.size()));
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
            blocks = blocksOf(lines.size());
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
            String line = lines.get(i);
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
