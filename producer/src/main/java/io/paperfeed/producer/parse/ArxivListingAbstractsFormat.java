package io.paperfeed.producer.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code arxiv-listing-abstracts}: the abstracts of an arXiv listing, one paper per line starting
 * {@code Abstract:}, in groups separated by blank lines. Items carry nothing but the abstract.
 *
 * <p>A non-blank line right after an abstract line continues it (a hard-wrapped abstract); any
 * other line is reported as unrecognised, and binary junk always on its own.
 */
final class ArxivListingAbstractsFormat implements FeedFormat {

    static final String NAME = "arxiv-listing-abstracts";
    private static final Pattern ABSTRACT = Pattern.compile("^\\s*Abstract:\\s?", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        List<String> lines = text.nonBlankHead();
        if (lines.isEmpty() || !ABSTRACT.matcher(lines.get(0)).find()) {
            return false;
        }
        long abstracts = lines.stream().filter(l -> ABSTRACT.matcher(l).find()).count();
        return abstracts * 2 >= lines.size();
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        List<String> lines = text.lines();
        int start = 0; // line of the open item, 0 when none is open
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                start = finish(start, raw, out);
            } else if (ABSTRACT.matcher(line).find()) {
                finish(start, raw, out);
                start = i + 1;
                raw.append(line);
            } else if (TextNormalizer.isBinary(line)) {
                start = finish(start, raw, out);
                out.reject(i + 1, Reasons.BINARY, "binary junk instead of an Abstract: line", line);
            } else if (start > 0) {
                raw.append('\n').append(line);
            } else {
                out.reject(i + 1, Reasons.UNRECOGNISED, "line is not an Abstract: line", line);
            }
        }
        finish(start, raw, out);
    }

    /** Hands the open item (if any) to the collector; returns 0, the "no open item" line. */
    private static int finish(int start, StringBuilder raw, ResultCollector out) {
        if (start > 0) {
            PaperDraft d = new PaperDraft(start, raw.toString());
            d.abstractText = ABSTRACT.matcher(d.raw).replaceFirst("");
            out.accept(d);
        }
        raw.setLength(0);
        return 0;
    }
}
