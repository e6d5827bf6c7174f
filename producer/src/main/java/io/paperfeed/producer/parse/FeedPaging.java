package io.paperfeed.producer.parse;

/**
 * The paging of a feed that is one page of a longer result, as the arXiv API gives it in its
 * OpenSearch elements. Each value is null when the feed lacks it.
 *
 * @param totalResults how many results the query has in all ({@code opensearch:totalResults})
 * @param startIndex   the 0-based index of this page's first result ({@code opensearch:startIndex})
 * @param itemsPerPage the page size asked for ({@code opensearch:itemsPerPage})
 */
public record FeedPaging(Long totalResults, Long startIndex, Long itemsPerPage) {

    /** True when another page follows this one. */
    public boolean hasMore() {
        return totalResults != null && startIndex != null && itemsPerPage != null
                && startIndex + itemsPerPage < totalResults;
    }
}
