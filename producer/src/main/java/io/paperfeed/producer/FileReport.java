package io.paperfeed.producer;

/**
 * What one input file gave: its format, the papers published and the invalid items reported.
 *
 * @param error a one-line error when the whole file could not be read (unknown format, I/O), else null
 */
public record FileReport(String source, String format, int papers, int invalid, String error) {

    /** One summary line, e.g. {@code seeds/000.txt: arxiv-listing-abstracts, 10 papers, 0 invalid}. */
    public String summary() {
        if (error != null) {
            return source + ": ERROR " + error;
        }
        return source + ": " + format + ", " + papers + " papers, " + invalid + " invalid";
    }
}
