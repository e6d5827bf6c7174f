package io.paperfeed.producer.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What journal feeds put in their text fields besides abstracts, told apart from them: publisher
 * status lines, ScienceDirect's metadata paragraphs, a leading "Abstract" heading, DOIs inside
 * identifiers and URLs.
 */
final class JournalText {

    /** Wiley's item descriptions: {@code Advanced Synthesis &Catalysis, Accepted Article.} or {@code …, EarlyView.} */
    private static final Pattern STATUS_LINE = Pattern.compile(
            "^[^.]{1,300},\\s*(?:Accepted Article|EarlyView|Early View)\\.?$", Pattern.CASE_INSENSITIVE);
    /** ScienceDirect's descriptions: publication date, source and authors, and no abstract. */
    private static final Pattern SCIENCE_DIRECT = Pattern.compile(
            "^Publication date:\\s*(.*?)\\s+Source:\\s*(.*?)(?:\\s+Author\\(s\\):\\s*(.*))?$", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^\\s*<h[1-6][^>]*>\\s*(?:abstract|summary)\\s*[.:]?\\s*</h[1-6]>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_WORD = Pattern.compile("^\\s*(?:abstract|summary)\\s*[.:]?[ \\t]*\\r?\\n",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ESCAPED_MARKUP = Pattern.compile("</?(?:p|sub|sup|i|b|em|strong|br|span|a)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:info:doi/|doi:\\s*|urn:doi:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI_IN_URL = Pattern.compile("(?:doi\\.org|/doi(?:/abs|/full|/pdf)?)/(10\\.\\d{4,9}/[^\\s?#]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VOLUME = Pattern.compile(",\\s*(?:Volume|Vol\\.|In press).*$", Pattern.CASE_INSENSITIVE);

    /** ScienceDirect's metadata of an item: its date, source (journal, volume) and authors. */
    record Metadata(String date, String source, String authors) {
        /** The journal of the source, without volume and issue. */
        String journal() {
            return source == null ? null : VOLUME.matcher(source).replaceFirst("").strip();
        }
    }

    private JournalText() {
    }

    /** The markup as plain text, a leading "Abstract" heading or line dropped; null stays null. */
    static String plain(String markup) {
        if (markup == null) {
            return null;
        }
        String text = MarkupText.plain(HEADING.matcher(markup).replaceFirst(""));
        if (ESCAPED_MARKUP.matcher(text).find()) {
            text = MarkupText.plain(text); // markup escaped twice (Wiley's content:encoded): its entities decoded to tags
        }
        return LEADING_WORD.matcher(text).replaceFirst("");
    }

    /** True for a text that is a publisher's status line, not an abstract. */
    static boolean isStatusLine(String plain) {
        String t = TextNormalizer.clean(plain);
        return t != null && STATUS_LINE.matcher(t).matches();
    }

    /** ScienceDirect's metadata when the text is that, else empty. */
    static Optional<Metadata> metadata(String plain) {
        String t = TextNormalizer.clean(plain);
        if (t == null) {
            return Optional.empty();
        }
        Matcher m = SCIENCE_DIRECT.matcher(t);
        return m.matches() ? Optional.of(new Metadata(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The DOI an identifier names ({@code 10.…}, {@code doi:10.…}, {@code info:doi/10.…}, a resolver URL), else null. */
    static String doi(String identifier) {
        String t = TextNormalizer.clean(identifier);
        return t == null ? null : Dois.parse(DOI_PREFIX.matcher(t).replaceFirst("")).orElse(null);
    }

    /** The DOI in a publisher URL ({@code https://onlinelibrary.wiley.com/doi/10.1002/adsc.202400793}), else null. */
    static String doiInUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = DOI_IN_URL.matcher(url);
        return m.find() ? Dois.parse(m.group(1)).orElse(null) : null;
    }
}
