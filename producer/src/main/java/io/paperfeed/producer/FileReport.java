package io.paperfeed.producer;

/**
 * What one input document gave: its format, the papers published, the invalid items reported and
 * the items skipped because an earlier run already published them.
 *
 * @param error a one-line error when the whole document could not be read (unknown format, I/O, too large), else null
 */
public record FileReport(String source, String format, int papers, int invalid, int skipped, String error) {

    /** A report of a run that skipped nothing. */
    public FileReport(String source, String format, int papers, int invalid, String error) {
        this(source, format, papers, invalid, 0, error);
    }

    /**
     * One summary line, e.g. {@code seeds/000.txt: arxiv-listing-abstracts, 10 papers, 0 invalid}, with
     * {@code , 3 skipped (already published)} when items were skipped.
     */
    public String summary() {
        if (error != null) {
            return source + ": ERROR " + error;
        }
        return source + ": " + format + ", " + papers + " papers, " + invalid + " invalid"
                + (skipped > 0 ? ", " + skipped + " skipped (already published)" : "");
    }

    /** True when the document added anything (or failed): worth a line in a polling producer's output. */
    public boolean eventful() {
        return error != null || papers > 0 || invalid > 0;
    }
}
