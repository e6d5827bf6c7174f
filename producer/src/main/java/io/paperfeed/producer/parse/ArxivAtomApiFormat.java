package io.paperfeed.producer.parse;

import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-atom-api}: a response of the arXiv API ({@code export.arxiv.org/api/query}), an Atom
 * feed with OpenSearch paging ({@code opensearch:totalResults}, {@code startIndex},
 * {@code itemsPerPage}) and one {@code <entry>} per paper.
 *
 * <p>Per entry: {@code <id>} is the abs URL with version ({@code http://arxiv.org/abs/2202.12139v1}),
 * {@code <title>}, {@code <summary>} (hard-wrapped, joined here), {@code <author><name>} (with
 * {@code arxiv:affiliation}s, which a paper event cannot carry and are dropped),
 * {@code arxiv:primary_category} then the {@code <category term>}s, {@code <published>},
 * {@code <updated>}, {@code arxiv:doi} (or the DOI link), {@code arxiv:comment} and
 * {@code arxiv:journal_ref} (the venue: with it or a journal DOI the sighting is of a published paper). Text that arXiv double-encoded ({@code RamÃ\u00adrez})
 * is repaired. An entry whose id is {@code …/api/errors#…} is the API reporting an error: it becomes an
 * {@code api-error} invalid item with the API's message. The paging goes on the result and the log.
 */
final class ArxivAtomApiFormat extends XmlFeedFormat {

    static final String NAME = "arxiv-atom-api";
    private static final Logger log = LoggerFactory.getLogger(ArxivAtomApiFormat.class);
    private static final Pattern ERROR_ID = Pattern.compile("arxiv\\.org/api/errors", Pattern.CASE_INSENSITIVE);
    private static final String DOI_RESOLVER = "https://doi.org/";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        String head = text.headChars(DETECT_CHARS);
        return atomRoot(rootTag(head)) && isApiHeader(feedHeader(head));
    }

    /** The OpenSearch name space, or an {@code arxiv.org/api/} id or link, before the first entry. */
    static boolean isApiHeader(String header) {
        return header.contains(XmlNames.OPENSEARCH) || header.contains("arxiv.org/api/");
    }

    @Override
    PaperDraft toDraft(XmlEntry entry, ResultCollector out) {
        String id = text(entry, "id");
        if (id != null && ERROR_ID.matcher(id).find()) {
            String message = TextNormalizer.clean(firstText(entry, "summary", "title"));
            out.reject(entry.number, Reasons.API_ERROR, "the arXiv API answered with an error: "
                    + (message == null ? id.strip() : message), entry.raw);
            return null;
        }
        PaperDraft d = draft(entry, "summary");
        d.arxivId = id;
        d.title = text(entry, "title");
        d.abstractText = text(entry, "summary");
        d.wrappedAbstract = true;
        d.authors = authorNames(entry);
        d.categories = categories(entry);
        d.doi = doi(entry);
        d.comment = text(entry, "arxiv:comment");
        d.published = text(entry, "published");
        d.updated = text(entry, "updated");
        entry.links.forEach(link -> d.links.add(link.href()));
        d.venue = text(entry, "arxiv:journal_ref");
        if (entry.authors.stream().anyMatch(a -> !a.affiliations().isEmpty())) {
            log.debug("entry {}: affiliations are not carried by a paper event", entry.number);
        }
        return d;
    }

    /** {@code arxiv:doi}, else the DOI of the link titled {@code doi}, else null. */
    private static String doi(XmlEntry entry) {
        String doi = text(entry, "arxiv:doi");
        if (doi != null) {
            return doi;
        }
        for (XmlEntry.Link link : entry.links) {
            if ("doi".equals(link.title()) && link.href() != null && link.href().startsWith(DOI_RESOLVER)) {
                return link.href().substring(DOI_RESOLVER.length());
            }
        }
        return null;
    }

    @Override
    void feedRead(Map<String, String> feedFields, int nextPosition, ResultCollector out) {
        FeedPaging paging = new FeedPaging(number(feedFields.get("opensearch:totalResults")),
                number(feedFields.get("opensearch:startIndex")), number(feedFields.get("opensearch:itemsPerPage")));
        if (paging.totalResults() != null || paging.startIndex() != null || paging.itemsPerPage() != null) {
            out.paging(paging);
            log.info("{}: arXiv API page: start index {}, {} per page, {} results in all{}", out.source(),
                    paging.startIndex(), paging.itemsPerPage(), paging.totalResults(),
                    paging.hasMore() ? " (more pages follow)" : "");
        }
    }

    private static Long number(String text) {
        String t = TextNormalizer.clean(text);
        if (t == null || t.length() > 18) {
            return null;
        }
        try {
            long n = Long.parseLong(t);
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
