package io.paperfeed.producer.parse;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;

/**
 * What one source yielded: the papers that could be read and one invalid item per item that could
 * not. One bad item never costs the good items around it.
 *
 * @param format the detected (or forced) format name
 * @param paging the feed's paging when it is one page of a longer result (arXiv API), else null
 */
public record ParseResult(String source, String format, List<PaperEvent> papers, List<InvalidItem> invalid,
                          FeedPaging paging) {

    public ParseResult {
        papers = List.copyOf(papers);
        invalid = List.copyOf(invalid);
    }

    /** A result without paging. */
    public ParseResult(String source, String format, List<PaperEvent> papers, List<InvalidItem> invalid) {
        this(source, format, papers, invalid, null);
    }

    /** Papers plus invalid items: every item the source held. */
    public int items() {
        return papers.size() + invalid.size();
    }
}
