package io.paperfeed.producer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-rss}: an arXiv announcement feed from rss.arxiv.org, as Atom (one {@code <entry>} per
 * announced paper) or as RSS 2.0 (one {@code <item>}).
 *
 * <p>The summary reads {@code arXiv:2508.13426v1 Announce Type: cross Abstract: …}: the id and version
 * come from that prefix (else from {@code <id>}/{@code <guid>}, {@code oai:arXiv.org:2508.13426v1}), the
 * abstract is the text after {@code Abstract:}. The announce type ({@code new}, {@code cross},
 * {@code replace}, {@code replace-cross}; also {@code arxiv:announce_type}) cannot be carried by a paper
 * event and is only logged. Authors are the comma-separated {@code dc:creator} (or Atom
 * {@code <author>}s), kept as given (TeX accents such as {@code Andr\'e} included); categories are in
 * the feed's order, the primary first; {@code published} and {@code updated} (or {@code pubDate}) are
 * kept as given; {@code arxiv:DOI} is the DOI.
 */
final class ArxivRssFormat extends XmlFeedFormat {

    static final String NAME = "arxiv-rss";
    private static final Logger log = LoggerFactory.getLogger(ArxivRssFormat.class);
    private static final Pattern PREFIX = Pattern.compile(
            "\\s*arXiv:\\s*(\\S+?)(?:\\s*(v\\d+))?\\s+Announce\\s+Type:\\s*([A-Za-z-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSTRACT = Pattern.compile("\\bAbstract:\\s*", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        String head = text.headChars(DETECT_CHARS);
        String root = rootTag(head);
        if (!atomRoot(root) && !rssRoot(root)) {
            return false;
        }
        return !ArxivAtomApiFormat.isApiHeader(feedHeader(head)) && isAnnouncementFeed(head);
    }

    /** True when the head of a feed is rss.arxiv.org's: its id or link before the first entry, or an announce type. */
    static boolean isAnnouncementFeed(String head) {
        return feedHeader(head).contains("rss.arxiv.org") || head.contains("announce_type>");
    }

    @Override
    PaperDraft toDraft(XmlEntry entry, ResultCollector out) {
        PaperDraft d = draft(entry, entry.fields.containsKey("summary") ? "summary" : "description");
        String summary = firstText(entry, "summary", "description");
        String announceType = TextNormalizer.clean(text(entry, "arxiv:announce_type"));
        d.arxivId = firstText(entry, "id", "guid");
        if (summary != null) {
            Matcher prefix = PREFIX.matcher(summary);
            int abstractFrom = 0;
            if (prefix.lookingAt()) {
                d.arxivId = prefix.group(1) + (prefix.group(2) == null ? "" : prefix.group(2));
                if (announceType == null && !prefix.group(3).isEmpty()) {
                    announceType = prefix.group(3);
                }
                abstractFrom = prefix.end();
            }
            Matcher marker = ABSTRACT.matcher(summary);
            d.abstractText = marker.find(abstractFrom) ? summary.substring(marker.end()) : summary.substring(abstractFrom);
            d.wrappedAbstract = true;
        }
        d.title = text(entry, "title");
        String creators = text(entry, "dc:creator");
        d.authors = creators != null ? TextNormalizer.splitAuthors(creators) : authorNames(entry);
        d.categories = categories(entry);
        d.doi = firstText(entry, "arxiv:DOI", "arxiv:doi");
        d.published = firstText(entry, "published", "pubDate");
        d.updated = text(entry, "updated");
        entry.links.forEach(link -> d.links.add(link.href()));
        log.debug("entry {}: {} announce type {} (not carried by a paper event)", entry.number, d.arxivId, announceType);
        return d;
    }
}
