package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code oai-pmh}: an OAI-PMH {@code ListRecords} (or {@code GetRecord}) response, as arXiv's
 * ({@code export.arxiv.org/oai2}, {@code oaipmh.arxiv.org/oai}) gives it in the {@code arXiv},
 * {@code arXivRaw} and {@code oai_dc} metadata formats.
 *
 * <p>Per record: the header's {@code identifier} ({@code oai:arXiv.org:1412.8323}, on the extras as
 * {@code oai}, and the arXiv id unless the metadata names one). {@code arXiv}: {@code id},
 * {@code title}, {@code abstract}, the authors' {@code forenames keyname suffix}, the space-separated
 * {@code categories}, {@code comments}, {@code doi}, {@code created} as published and {@code updated};
 * {@code journal-ref} is the venue. {@code arXivRaw} as {@code arXiv}, with the comma-separated
 * {@code authors} string and the {@code version}s: the last one's number is the version, the first
 * one's date the published and the last one's the updated date. {@code oai_dc}: {@code dc:title},
 * the {@code dc:creator}s, the {@code dc:subject}s as categories, the first {@code dc:description}
 * as abstract and a {@code Comment: …} one as comment, the first and last {@code dc:date},
 * {@code dc:identifier} URLs as links. A record whose header says {@code status="deleted"} is a
 * {@code deleted} item. The {@code resumptionToken} is the next cursor ({@code cursor} and
 * {@code completeListSize} its start and total); an {@code <error>} other than {@code noRecordsMatch}
 * is one {@code api-error} item.
 */
final class OaiPmhFormat extends XmlFeedFormat {

    static final String NAME = "oai-pmh";
    private static final Logger log = LoggerFactory.getLogger(OaiPmhFormat.class);
    private static final Pattern ROOT = Pattern.compile("^<(?:[\\w.-]+:)?OAI-PMH[\\s>/]");
    private static final Pattern COMMENT = Pattern.compile("^\\s*Comment:\\s*", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(FeedText text) {
        String root = rootTag(text.headChars(DETECT_CHARS));
        return root != null && ROOT.matcher(root).find() && root.contains(XmlNames.OAI);
    }

    @Override
    XmlFeedStream.Layout layout() {
        return XmlFeedStream.Layout.OAI_PMH;
    }

    @Override
    PaperDraft toDraft(XmlEntry record, ResultCollector out) {
        String identifier = text(record, "identifier");
        if (record.all("header@status").contains("deleted")) {
            out.reject(record.number, Reasons.DELETED, "the repository reports record "
                    + (identifier == null ? record.number : identifier.strip()) + " deleted", record.raw);
            return null;
        }
        PaperDraft d = draft(record, record.fields.containsKey("abstract") ? "abstract" : "dc:description");
        d.id("oai", identifier);
        d.arxivId = identifier != null && identifier.strip().startsWith("oai:arXiv.org:") ? identifier : null;
        if (record.fields.containsKey("dc:title")) {
            dublinCore(record, d);
        } else {
            arxiv(record, d);
        }
        return d;
    }

    /** The {@code arXiv} and {@code arXivRaw} formats. */
    private static void arxiv(XmlEntry record, PaperDraft d) {
        if (text(record, "id") != null) {
            d.arxivId = text(record, "id");
        }
        d.title = text(record, "title");
        d.abstractText = text(record, "abstract");
        d.wrappedAbstract = true;
        d.categories = split(text(record, "categories"));
        d.comment = text(record, "comments");
        d.doi = text(record, "doi");
        d.venue = text(record, "journal-ref");
        d.published = text(record, "created");
        d.updated = text(record, "updated");
        String rawAuthors = text(record, "authors");
        d.authors = record.authors.isEmpty() && rawAuthors != null ? TextNormalizer.splitAuthors(rawAuthors)
                : authorNames(record);
        List<String> versions = record.all("version@version");
        List<String> dates = record.all("date");
        if (!versions.isEmpty()) {
            String last = versions.get(versions.size() - 1).strip();
            if (d.arxivId != null && last.matches("v\\d{1,6}")) {
                d.arxivId = d.arxivId.strip() + last;
            }
        }
        if (!dates.isEmpty()) {
            d.published = dates.get(0);
            d.updated = dates.get(dates.size() - 1);
        }
    }

    /** Simple Dublin Core ({@code oai_dc}). */
    private static void dublinCore(XmlEntry record, PaperDraft d) {
        d.title = text(record, "dc:title");
        d.authors = repaired(record.all("dc:creator"));
        d.categories = repaired(record.all("dc:subject"));
        for (String description : record.all("dc:description")) {
            if (COMMENT.matcher(description).lookingAt()) {
                d.comment = COMMENT.matcher(description).replaceFirst("");
            } else if (d.abstractText == null) {
                d.abstractText = description;
                d.wrappedAbstract = true;
            }
        }
        List<String> dates = record.all("dc:date");
        if (!dates.isEmpty()) {
            d.published = dates.get(0);
            d.updated = dates.size() > 1 ? dates.get(dates.size() - 1) : null;
        }
        d.links.addAll(record.all("dc:identifier"));
    }

    private static List<String> repaired(List<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(TextNormalizer.repairDoubleEncoded(v)));
        return out;
    }

    private static List<String> split(String categories) {
        String c = TextNormalizer.clean(categories);
        return c == null ? new ArrayList<>() : new ArrayList<>(List.of(c.split(" ")));
    }

    @Override
    void feedRead(Map<String, String> feedFields, int nextPosition, ResultCollector out) {
        String code = feedFields.get("error@code");
        if (code != null && !code.equals("noRecordsMatch")) {
            String message = TextNormalizer.clean(feedFields.get("error"));
            out.reject(nextPosition, Reasons.API_ERROR, "the OAI-PMH server answered with an error: " + code
                    + (message == null ? "" : ": " + message), "<error code=\"" + code + "\">" + feedFields.get("error"));
        } else if (code != null) {
            log.info("{}: OAI-PMH noRecordsMatch: the request matched no records", out.source());
        }
        String token = TextNormalizer.clean(feedFields.get("resumptionToken"));
        FeedPaging paging = new FeedPaging(number(feedFields.get("resumptionToken@completeListSize")),
                number(feedFields.get("resumptionToken@cursor")), null, token);
        if (paging.present()) {
            out.paging(paging);
            log.info("{}: OAI-PMH page from cursor {} of {} records{}", out.source(), paging.startIndex(),
                    paging.totalResults(), token != null ? " (a resumption token follows)" : "");
        }
    }

    private static Long number(String text) {
        String t = TextNormalizer.clean(text);
        return t != null && t.matches("\\d{1,18}") ? Long.parseLong(t) : null;
    }
}
