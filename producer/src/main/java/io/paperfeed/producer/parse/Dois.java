package io.paperfeed.producer.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DOIs as feeds spell them: bare ({@code 10.7717/peerj.4375}), as resolver URLs
 * ({@code https://doi.org/…}, {@code http://dx.doi.org/…}) or with a {@code doi:} prefix. The DOI is
 * kept as given otherwise (DOIs are case-insensitive; the de-duplicator compares them lower-cased).
 * arXiv's own DOIs ({@code 10.48550/arXiv.2303.08774}) name an arXiv id.
 */
final class Dois {

    private static final Pattern PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    private static final String ARXIV_DOI = "10.48550/arxiv.";

    private Dois() {
    }

    /** The bare DOI of any of the spellings, or the text as given when it is no DOI (validation is the caller's). */
    static String bare(String doi) {
        String d = TextNormalizer.clean(doi);
        return d == null ? null : PREFIX.matcher(d).replaceFirst("");
    }

    /** The bare DOI when the text is one, else empty. */
    static Optional<String> parse(String text) {
        String d = bare(text);
        return d != null && DOI.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }

    /** The arXiv id an arXiv DOI names ({@code 10.48550/arXiv.2303.08774} → {@code 2303.08774}), else null. */
    static String arxivId(String doi) {
        String d = bare(doi);
        if (d == null || !d.toLowerCase(Locale.ROOT).startsWith(ARXIV_DOI)) {
            return null;
        }
        return d.substring(ARXIV_DOI.length());
    }
}
