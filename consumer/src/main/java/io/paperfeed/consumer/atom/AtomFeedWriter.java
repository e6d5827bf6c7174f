package io.paperfeed.consumer.atom;

import io.paperfeed.consumer.render.PaperHtml;
import io.paperfeed.consumer.render.Why;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.text.ReadablePaper;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a feed as an Atom 1.0 document (RFC 4287) with the JDK's StAX writer, which escapes every
 * value. One entry per paper: its id the tag URI of the paper's first id (stable when a content id
 * becomes an arXiv id), the title as a reader sees it, the authors, the abstract as the summary, an
 * HTML content with the title linked, the authors, the abstract, why it matched and its links, links
 * to the abstract page, the PDF and the DOI, the arXiv categories and the matched topics as categories,
 * {@code published} and {@code updated} from the paper (the time the feed got it when the paper gives none).
 */
public final class AtomFeedWriter {

    /** Every id paperfeed mints is a tag URI (RFC 4151) of this authority and date. */
    public static final String TAG_PREFIX = "tag:paperfeed,2025:";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV_SCHEME = "http://arxiv.org/schemas/atom";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Map<String, String> topicNames;
    private final String topicScheme;

    /**
     * @param topicNames  the taxonomy's names by topic id, for category labels and the why
     * @param topicScheme the URL that topic categories belong to (the service's {@code /topics})
     */
    public AtomFeedWriter(Map<String, String> topicNames, String topicScheme) {
        this.topicNames = Map.copyOf(topicNames);
        this.topicScheme = topicScheme;
    }

    /** The entry id of a paper first published under {@code firstId}. */
    public static String entryId(String firstId) {
        return TAG_PREFIX + "paper:" + firstId;
    }

    /** The document, UTF-8, with {@code links} under each entry's content. */
    public byte[] write(FeedHead head, FeedSnapshot feed, Instant emptyFeedUpdated, EntryLinks links) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", head.id());
            text(xml, "title", head.title());
            if (head.subtitle() != null) {
                text(xml, "subtitle", head.subtitle());
            }
            text(xml, "updated", time(feed.lastModified() != null ? feed.lastModified() : emptyFeedUpdated));
            link(xml, "self", "application/atom+xml", head.selfUrl(), null);
            if (head.alternate() != null) {
                link(xml, "alternate", "text/html", head.alternate(), null);
            }
            xml.writeStartElement("author");
            text(xml, "name", "paperfeed");
            xml.writeEndElement();
            xml.writeStartElement("generator");
            xml.writeCharacters("paperfeed");
            xml.writeEndElement();
            for (FeedEntry entry : feed.entries()) {
                entry(xml, entry, links);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed " + head.id(), e);
        }
        return bytes.toByteArray();
    }

    private void entry(XMLStreamWriter xml, FeedEntry entry, EntryLinks links) throws XMLStreamException {
        CanonicalPaper paper = entry.paper();
        ReadablePaper readable = ReadablePaper.of(paper);
        Instant published = FeedTimes.parse(paper.published());
        Instant updated = FeedTimes.parse(paper.updated());
        Instant seen = entry.seenAt();
        xml.writeStartElement("entry");
        text(xml, "id", entryId(entry.firstId()));
        text(xml, "title", readable.title());
        text(xml, "updated", time(updated != null ? updated : published != null ? published : seen));
        if (published != null) {
            text(xml, "published", time(published));
        }
        for (String author : readable.authors()) {
            xml.writeStartElement("author");
            text(xml, "name", author);
            xml.writeEndElement();
        }
        if (readable.link() != null) {
            link(xml, "alternate", "text/html", readable.link(), null);
        }
        if (readable.pdf() != null) {
            link(xml, "related", "application/pdf", readable.pdf(), "PDF");
        }
        if (readable.doi() != null && !readable.doi().equals(readable.link())) {
            link(xml, "related", "text/html", readable.doi(), "DOI");
        }
        for (String category : paper.categories()) {
            category(xml, category, ARXIV_SCHEME, category);
        }
        for (String topic : entry.topics()) {
            category(xml, topic, topicScheme, topicNames.getOrDefault(topic, topic));
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(readable.abstractText());
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(PaperHtml.full(readable, new Why(entry.topics(), entry.terms(), entry.similarTo()), topicNames)
                + links.html().apply(paper));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href, String title)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        if (title != null) {
            xml.writeAttribute("title", title);
        }
    }

    private static void category(XMLStreamWriter xml, String term, String scheme, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
        xml.writeAttribute("label", label);
    }

    /** RFC 3339 in UTC, to the second. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
