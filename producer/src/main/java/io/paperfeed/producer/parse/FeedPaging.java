package io.paperfeed.producer.parse;

/**
 * The paging of a feed that is one page of a longer result, the same for every source that pages, so
 * that a poller follows any of them the same way: ask for {@link #nextCursor()} when it is set (an
 * opaque cursor or token to send back as the source names it), else for {@link #nextStartIndex()}.
 * Each value is null when the feed lacks it.
 *
 * <table>
 *   <caption>Where each source's paging comes from</caption>
 *   <tr><th>source</th><th>total</th><th>start</th><th>per page</th><th>next cursor</th></tr>
 *   <tr><td>arXiv API</td><td>{@code opensearch:totalResults}</td><td>{@code opensearch:startIndex}</td>
 *       <td>{@code opensearch:itemsPerPage}</td><td>none (offsets)</td></tr>
 *   <tr><td>arXiv OAI-PMH</td><td>{@code completeListSize}</td><td>{@code cursor}</td><td>records read</td>
 *       <td>the {@code resumptionToken}, when not empty</td></tr>
 *   <tr><td>Crossref</td><td>{@code total-results}</td><td>{@code query.start-index}</td>
 *       <td>{@code items-per-page}</td><td>{@code next-cursor}, when the page held items</td></tr>
 *   <tr><td>OpenAlex</td><td>{@code meta.count}</td><td>from {@code meta.page}</td><td>{@code meta.per_page}</td>
 *       <td>{@code meta.next_cursor}</td></tr>
 *   <tr><td>bioRxiv/medRxiv</td><td>{@code messages[0].total}</td><td>{@code messages[0].cursor}</td>
 *       <td>{@code messages[0].count} (records on the page)</td><td>none (the cursor is an offset)</td></tr>
 *   <tr><td>Semantic Scholar</td><td>{@code total}</td><td>{@code offset}</td><td>{@code next - offset}</td>
 *       <td>the bulk search's {@code token}</td></tr>
 * </table>
 *
 * @param totalResults how many results the query has in all
 * @param startIndex   the 0-based index of this page's first result
 * @param itemsPerPage the page size (asked for, or held by this page)
 * @param nextCursor   the cursor or token that asks for the next page, or null when there is none
 */
public record FeedPaging(Long totalResults, Long startIndex, Long itemsPerPage, String nextCursor) {

    /** Offset paging without a cursor (the arXiv API). */
    public FeedPaging(Long totalResults, Long startIndex, Long itemsPerPage) {
        this(totalResults, startIndex, itemsPerPage, null);
    }

    /** True when another page follows this one. */
    public boolean hasMore() {
        return nextCursor != null || nextStartIndex() != null;
    }

    /** The start index of the next page when the feed pages by offset and one follows, else null. */
    public Long nextStartIndex() {
        if (totalResults == null || startIndex == null || itemsPerPage == null || itemsPerPage <= 0) {
            return null;
        }
        long next = startIndex + itemsPerPage;
        return next < totalResults ? next : null;
    }

    /** True when the feed said anything about paging. */
    boolean present() {
        return totalResults != null || startIndex != null || itemsPerPage != null || nextCursor != null;
    }
}
