package io.paperfeed.producer.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text clean-up shared by every format: Unicode NFC, whitespace collapsed and trimmed, hard line
 * breaks joined, binary junk recognised, arXiv identifiers split into id and version.
 *
 * <p>Cleaning never rewrites content: LaTeX, punctuation and case are kept exactly as given.
 */
final class TextNormalizer {

    /** An arXiv identifier without version ({@code 2507.20534}, {@code hep-th/9709111}) and its version, or null. */
    record ArxivId(String id, Integer version) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r\\f]]");
    /**
     * A line break after a hyphen inside a word ({@code VQ-\nVAE}) is a wrap inside a compound and is
     * joined without a space, unless the next word shows a suspended hyphen ({@code human-\nand machine}).
     */
    private static final Pattern WRAPPED_HYPHEN =
            Pattern.compile("(?<=[\\p{L}\\p{N}]-)[ \\t]*\\r?\\n[ \\t]*(?!(?:and|or|nor|to|vs\\.?|versus|as)\\b)(?=\\S)");
    private static final Pattern ARXIV_ID = Pattern.compile(
            "^(?:arxiv:\\s*|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[a-z]{2})?/\\d{7})"
                    + "(?:v(\\d+))?(?:\\.pdf)?/?$",
            Pattern.CASE_INSENSITIVE);
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
        s = CONTROL.matcher(s).replaceAll(" ");
        s = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return s.isEmpty() ? null : s;
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
     * Parses an arXiv identifier, with or without an {@code arXiv:} prefix, abs/pdf URL or version:
     * {@code arXiv:2507.20534v2} gives id {@code 2507.20534}, version 2. Empty when it is none.
     */
    static Optional<ArxivId> arxivId(String raw) {
        String c = clean(raw);
        if (c == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV_ID.matcher(c);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        int slash = id.indexOf('/');
        if (slash > 0) {
            // archive names are lower case, subject classes upper case: math.GT/0309136
            String archive = id.substring(0, slash);
            int dot = archive.indexOf('.');
            archive = dot < 0 ? archive.toLowerCase(Locale.ROOT)
                    : archive.substring(0, dot).toLowerCase(Locale.ROOT) + archive.substring(dot).toUpperCase(Locale.ROOT);
            id = archive + id.substring(slash);
        }
        Integer version = null;
        if (m.group(2) != null) {
            try {
                version = Integer.valueOf(m.group(2));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (version < 1) {
                return Optional.empty();
            }
        }
        return Optional.of(new ArxivId(id, version));
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

    /** An excerpt safe to show: control characters replaced by U+FFFD, cut to the excerpt limit. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String s = CONTROL.matcher(text).replaceAll("\uFFFD");
        return io.paperfeed.model.InvalidItem.excerptOf(s.strip());
    }
}
