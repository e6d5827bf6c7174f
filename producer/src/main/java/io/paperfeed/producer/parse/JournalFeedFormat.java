package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code journal-rss}: a journal's table-of-contents feed, RSS 2.0 ({@code <rss><channel><item>},
 * Wiley, ScienceDirect) or RSS 1.0 ({@code <rdf:RDF>} with {@code <item>}s, Elsevier/Atypon, Nature,
 * APS), with the Dublin Core ({@code dc:}) and PRISM ({@code prism:}, any version) elements
 * publishers add. Feeds of arXiv are not this format (see {@code arxiv-rss}).
 *
 * <p>Per item: {@code title} (else {@code dc:title}) as plain text; the abstract from
 * {@code dcterms:abstract}, {@code dc:description}, {@code content:encoded} or {@code description},
 * the first that is one, as plain text without a leading "Abstract" heading: a publisher's status
 * line ({@code …, Accepted Article.}) is none, and ScienceDirect's metadata paragraphs
 * ({@code Publication date: …  Source: …  Author(s): …}) give the date, journal and authors but no
 * abstract, so such an item is a title-only sighting ({@code no-abstract}). Authors: the
 * {@code dc:creator}s (one element per author, or one list split at commas); the DOI from
 * {@code prism:doi}, {@code dc:identifier} ({@code doi:}, {@code info:doi/}), a DOI-like
 * {@code guid}, or a {@code /doi/10.…} link; the date from {@code dc:date},
 * {@code prism:publicationDate}, {@code prism:coverDate} or {@code pubDate}, as given;
 * {@code prism:publicationName} (else the metadata's journal) as venue and comment; {@code dc:subject}s
 * and {@code category}s as categories, except a category that only repeats the item's
 * {@code prism:section} (its article type, {@code Research Article}); the links and
 * {@code prism:url}. On the extras: {@code prism:issn} and {@code prism:eIssn} ({@code issn}), and a
 * ScienceDirect PII from the link ({@code pii}). Feeds do not page.
 */
final class JournalFeedFormat extends XmlFeedFormat {

    static final String NAME = "journal-rss";
    private static final Pattern RDF_ROOT = Pattern.compile("^<(?:[\\w.-]+:)?RDF[\\s>/]");
    private static final Pattern PII = Pattern.compile("/pii/(S[0-9A-Z]{15,20})\\b");
    private static final List<String> ABSTRACT_KEYS = List.of("dcterms:abstract", "dc:description", "content:encoded",
            "description");
    private static final List<String> DATE_KEYS = List.of("dc:date", "prism:publicationDate", "prism:coverDate",
            "pubDate");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        String head = text.headChars(DETECT_CHARS);
        String root = rootTag(head);
        boolean rdf = root != null && RDF_ROOT.matcher(root).find() && root.contains(XmlNames.RDF);
        if (!rssRoot(root) && !rdf) {
            return false;
        }
        String header = feedHeader(head);
        return !ArxivRssFormat.isAnnouncementFeed(head) && !header.contains("arxiv.org/");
    }

    @Override
    PaperDraft toDraft(XmlEntry entry, ResultCollector out) {
        PaperDraft d = draft(entry, abstractKey(entry));
        d.title = JournalText.plain(firstText(entry, "title", "dc:title"));
        Optional<JournalText.Metadata> metadata = Optional.empty();
        for (String key : ABSTRACT_KEYS) {
            String text = JournalText.plain(text(entry, key));
            if (TextNormalizer.clean(text) == null || JournalText.isStatusLine(text)) {
                continue;
            }
            Optional<JournalText.Metadata> m = JournalText.metadata(text);
            if (m.isPresent()) {
                metadata = metadata.isPresent() ? metadata : m;
            } else if (d.abstractText == null) {
                d.abstractText = text;
            }
        }
        d.authors = authors(entry);
        if (d.authors.isEmpty() && metadata.isPresent() && metadata.get().authors() != null) {
            d.authors = TextNormalizer.splitAuthors(metadata.get().authors());
        }
        d.doi = doi(entry);
        for (String key : DATE_KEYS) {
            if (d.published == null && TextNormalizer.clean(text(entry, key)) != null) {
                d.published = text(entry, key);
            }
        }
        if (d.published == null && metadata.isPresent()) {
            d.published = metadata.get().date();
        }
        d.venue = MarkupText.decodeEntities(text(entry, "prism:publicationName"));
        if (TextNormalizer.clean(d.venue) == null && metadata.isPresent()) {
            d.venue = metadata.get().journal();
        }
        d.comment = d.venue;
        d.categories = subjects(entry);
        entry.links.forEach(link -> d.links.add(link.href()));
        d.links.add(text(entry, "prism:url"));
        for (String key : List.of("prism:issn", "prism:eIssn")) {
            d.id("issn", text(entry, key));
        }
        for (String link : d.links) {
            java.util.regex.Matcher pii = link == null ? null : PII.matcher(link);
            if (pii != null && pii.find()) {
                d.id("pii", pii.group(1));
            }
        }
        return d;
    }

    /** The key of the first abstract field the item has, for the oversize mark. */
    private static String abstractKey(XmlEntry entry) {
        return ABSTRACT_KEYS.stream().filter(entry.fields::containsKey).findFirst().orElse("description");
    }

    /** One author per {@code dc:creator}, or the names of a single one split at commas. */
    private static List<String> authors(XmlEntry entry) {
        List<String> creators = new ArrayList<>();
        for (String c : entry.all("dc:creator")) {
            if (TextNormalizer.clean(c) != null) {
                creators.add(TextNormalizer.repairDoubleEncoded(c));
            }
        }
        if (creators.size() == 1) {
            return TextNormalizer.splitAuthors(creators.get(0));
        }
        return creators.isEmpty() ? authorNames(entry) : creators;
    }

    private static String doi(XmlEntry entry) {
        for (String key : List.of("prism:doi", "dc:identifier", "guid")) {
            String doi = JournalText.doi(text(entry, key));
            if (doi != null) {
                return doi;
            }
        }
        for (XmlEntry.Link link : entry.links) {
            String doi = JournalText.doiInUrl(link.href());
            if (doi != null) {
                return doi;
            }
        }
        return JournalText.doiInUrl(text(entry, "prism:url"));
    }

    /** Subjects and categories, without those that only repeat the article type. */
    private static List<String> subjects(XmlEntry entry) {
        String section = TextNormalizer.clean(text(entry, "prism:section"));
        List<String> out = new ArrayList<>(entry.all("dc:subject"));
        for (String category : entry.categories) {
            if (section == null || !section.equalsIgnoreCase(TextNormalizer.clean(category))) {
                out.add(category);
            }
        }
        return out;
    }
}
