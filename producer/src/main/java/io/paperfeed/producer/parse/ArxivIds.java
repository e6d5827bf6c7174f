package io.paperfeed.producer.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads arXiv identifiers in every spelling the feeds use, so that they all resolve to the same id:
 * <ul>
 *   <li>new-style ids {@code 2507.20534}, {@code 0704.0001} (four digits after the dot up to
 *       {@code 1412}, five from {@code 1501} on), with or without a version {@code v2};</li>
 *   <li>old-style ids {@code hep-th/9709111}, {@code math.GT/0309136v1} (archive in lower case,
 *       subject class in upper case, as arXiv writes them);</li>
 *   <li>with an {@code arXiv:} or {@code oai:arXiv.org:} prefix, or as an abs, pdf or html URL on
 *       arxiv.org or export.arxiv.org ({@code https://arxiv.org/abs/2507.20534v2},
 *       {@code http://arxiv.org/pdf/hep-th/9709111v1.pdf}).</li>
 * </ul>
 * Anything else, such as a DOI, a year-month that cannot be one ({@code 2513.00001}) or version 0,
 * is no arXiv id.
 */
public final class ArxivIds {

    private static final Pattern ID = Pattern.compile(
            "^(?:arxiv:\\s*|oai:arxiv\\.org:|(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/)?"
                    + "(?:(\\d{2})(\\d{2})\\.(\\d{4,5})|([a-z][a-z-]*)(\\.[a-z]{2})?/(\\d{2})(\\d{2})(\\d{3}))"
                    + "(?:v(\\d{1,6}))?(?:\\.pdf)?/?$",
            Pattern.CASE_INSENSITIVE);
    /** The longest text looked at: no spelling of an id is longer. */
    private static final int MAX_LENGTH = 120;

    private ArxivIds() {
    }

    /**
     * The arXiv id a text names, or empty when the text is no arXiv identifier. Surrounding
     * whitespace is ignored; null gives empty.
     */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1) != null ? newStyle(m) : oldStyle(m);
        if (id == null) {
            return Optional.empty();
        }
        Integer version = m.group(9) == null ? null : Integer.valueOf(m.group(9));
        if (version != null && version < 1) {
            return Optional.empty();
        }
        return Optional.of(new ArxivId(id, version));
    }

    /** {@code YYMM.NNNNN}: April 2007 on, four digits to the end of 2014 and five after. */
    private static String newStyle(Matcher m) {
        int yy = Integer.parseInt(m.group(1));
        int mm = Integer.parseInt(m.group(2));
        String number = m.group(3);
        if (mm < 1 || mm > 12 || yy * 100 + mm < 704) {
            return null;
        }
        if (number.length() != (yy < 15 ? 4 : 5)) {
            return null;
        }
        return m.group(1) + m.group(2) + "." + number;
    }

    /** {@code archive(.SC)/YYMMNNN}: the scheme used from 1991 to March 2007. */
    private static String oldStyle(Matcher m) {
        int mm = Integer.parseInt(m.group(7));
        if (mm < 1 || mm > 12) {
            return null;
        }
        String archive = m.group(4).toLowerCase(Locale.ROOT);
        String subject = m.group(5) == null ? "" : m.group(5).toUpperCase(Locale.ROOT);
        return archive + subject + "/" + m.group(6) + m.group(7) + m.group(8);
    }
}
