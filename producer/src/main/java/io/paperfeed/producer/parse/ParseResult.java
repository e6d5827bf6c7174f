package io.paperfeed.producer.parse;

import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import java.util.List;
import java.util.Map;

/**
 * What one source yielded: the papers that could be read and one invalid item per item that could
 * not. One bad item never costs the good items around it.
 *
 * @param format the detected (or forced) format name
 * @param paging the feed's paging when it is one page of a longer result, else null ({@link FeedPaging})
 * @param extras what papers say beyond a paper event's fields, by item key ({@code source#position});
 *               only papers that say more have an entry
 */
public record ParseResult(String source, String format, List<PaperEvent> papers, List<InvalidItem> invalid,
                          FeedPaging paging, Map<String, PaperExtras> extras) {

    public ParseResult {
        papers = List.copyOf(papers);
        invalid = List.copyOf(invalid);
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
    }

    /** A result without extras. */
    public ParseResult(String source, String format, List<PaperEvent> papers, List<InvalidItem> invalid,
                       FeedPaging paging) {
        this(source, format, papers, invalid, paging, Map.of());
    }

    /** The extras of a paper, or null when it says nothing beyond its event. */
    public PaperExtras extras(PaperEvent paper) {
        return extras.get(paper.itemKey());
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
