package io.paperfeed.producer.parse;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;

/**
 * What one source yielded: the papers that could be read and one invalid item per item that could
 * not. One bad item never costs the good items around it.
 *
 * @param format the detected (or forced) format name
 */
public record ParseResult(String source, String format, List<PaperEvent> papers, List<InvalidItem> invalid) {

    public ParseResult {
        papers = List.copyOf(papers);
        invalid = List.copyOf(invalid);
    }

    /** Papers plus invalid items: every item the source held. */
    public int items() {
        return papers.size() + invalid.size();
    }
}
