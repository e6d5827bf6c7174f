package io.paperfeed.producer.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from the markup APIs put in their strings: JATS abstracts ({@code <jats:p>},
 * {@code <jats:italic>}) as Crossref gives them, and the HTML of journal feeds' descriptions.
 * Block elements (paragraphs, section titles, list items, line breaks) become spaces, inline ones
 * (italic, sub- and superscript, links) just go; the five XML entities and numeric references are
 * decoded. A leading title that only says "Abstract" (or "Summary") is dropped; other section
 * titles of a structured abstract stay as words ("Background …").
 */
final class MarkupText {

    private static final Pattern LEADING_ABSTRACT_TITLE = Pattern.compile(
            "^\\s*<(?:jats:)?title>\\s*(?:abstract|summary)\\s*[.:]?\\s*</(?:jats:)?title>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w.:-]*)[^<>]*>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "title", "sec", "list-item", "list",
            "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "table", "tr", "td", "abstract", "label");

    private MarkupText() {
    }

    /** The text without its markup, entities decoded; null stays null. Whitespace is left to {@link TextNormalizer}. */
    static String plain(String markup) {
        if (markup == null) {
            return null;
        }
        String s = LEADING_ABSTRACT_TITLE.matcher(markup).replaceFirst("");
        Matcher m = TAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            int colon = name.indexOf(':');
            String local = colon >= 0 ? name.substring(colon + 1) : name;
            m.appendReplacement(out, BLOCKS.contains(local) ? " " : "");
        }
        m.appendTail(out);
        return decodeEntities(out.toString());
    }

    /** The text with the XML entities and numeric character references decoded. */
    static String decodeEntities(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return "\u00a0";
            default:
                int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? new String(Character.toChars(cp))
                        : "\uFFFD";
        }
    }
}
