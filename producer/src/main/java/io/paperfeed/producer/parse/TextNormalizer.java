package io.paperfeed.producer.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text clean-up shared by every format: Unicode NFC, whitespace collapsed and trimmed, hard line
 * breaks joined, binary junk recognised, double-encoded UTF-8 repaired. arXiv identifiers are read by
 * {@link ArxivIds}; the text a de-duplicator compares is made by {@link io.paperfeed.model.text.FingerprintText}.
 *
 * <p>Cleaning never rewrites content: LaTeX, punctuation and case are kept exactly as given.
 */
final class TextNormalizer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r\\f]]");
    /**
     * A line break after a hyphen inside a word ({@code VQ-\nVAE}) is a wrap inside a compound and is
     * joined without a space, unless the next word shows a suspended hyphen ({@code human-\nand machine}).
     */
    private static final Pattern WRAPPED_HYPHEN =
            Pattern.compile("(?<=[\\p{L}\\p{N}]-)[ \\t]*\\r?\\n[ \\t]*(?!(?:and|or|nor|to|vs\\.?|versus|as)\\b)(?=\\S)");
    /** A UTF-8 lead byte (C2-F4) read as Latin-1, followed by a continuation byte (80-BF) read as Latin-1. */
    private static final Pattern MOJIBAKE = Pattern.compile("[\u00c2-\u00f4][\u0080-\u00bf]");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");

    private TextNormalizer() {
    }

    /**
     * NFC, control characters removed, every run of whitespace (line breaks included) collapsed to one
     * space, trimmed. Returns null for null or blank text.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        // one pass: control characters and runs of Unicode White_Space become one space, none at the ends
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.getType(ch) == Character.CONTROL || isWhiteSpace(ch)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(ch);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The Unicode White_Space property, as {@code \\s} matches it under {@link Pattern#UNICODE_CHARACTER_CLASS}. */
    private static boolean isWhiteSpace(char ch) {
        return (ch >= '\t' && ch <= '\r') || ch == ' ' || ch == '\u0085' || ch == '\u00a0' || ch == '\u1680'
                || (ch >= '\u2000' && ch <= '\u200a') || ch == '\u2028' || ch == '\u2029' || ch == '\u202f'
                || ch == '\u205f' || ch == '\u3000';
    }

    /**
     * Joins a hard-wrapped text (an arXiv summary) into one line: line breaks become spaces, except
     * after a hyphen inside a word, then {@link #clean}.
     */
    static String joinWrapped(String text) {
        if (text == null) {
            return null;
        }
        return clean(WRAPPED_HYPHEN.matcher(text).replaceAll(""));
    }

    /** Cleans each entry and drops the blank ones. */
    static List<String> cleanAll(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String c = clean(v);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Splits an author line ({@code A, B and C}) into names. */
    static List<String> splitAuthors(String line) {
        String c = clean(line);
        return c == null ? List.of() : cleanAll(List.of(AUTHOR_SEPARATOR.split(c)));
    }

    /**
     * Repairs text that was UTF-8, read as Latin-1 and encoded as UTF-8 again ({@code RamÃ\u00adrez}
     * for {@code Ramírez}), as arXiv's API serves some names: when every character of the text is
     * below U+0100, it holds a UTF-8 lead-byte character followed by a continuation character, and
     * its Latin-1 bytes decode as strict UTF-8, the decoded text is returned; otherwise the text as given.
     */
    static String repairDoubleEncoded(String text) {
        if (text == null || !MOJIBAKE.matcher(text).find()) {
            return text;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                return text;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /**
     * True when a text is binary junk rather than feed text: it holds a NUL, or control and
     * replacement characters (undecodable bytes) make up more than 5% of it or number 16 or more.
     */
    static boolean isBinary(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int suspicious = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 0) {
                return true;
            }
            if (ch == '\uFFFD' || (Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f')) {
                suspicious++;
            }
        }
        return suspicious >= 16 || suspicious * 20 > text.length();
    }

    /**
     * An excerpt safe to show: control characters replaced by U+FFFD, cut to the excerpt limit. Only
     * the head is looked at, so a document with many rejected items costs linear time, not quadratic.
     */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        int head = Math.min(text.length(), 4 * io.paperfeed.model.InvalidItem.EXCERPT_LIMIT);
        String s = CONTROL.matcher(text.substring(0, head)).replaceAll("\uFFFD");
        return io.paperfeed.model.InvalidItem.excerptOf(s.strip());
    }
}
