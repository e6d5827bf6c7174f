package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the entries of an Atom feed ({@code <feed>} of {@code <entry>}s) or an RSS 2.0 channel
 * ({@code <rss><channel>} of {@code <item>}s) to a {@link Sink}, one {@link XmlEntry} at a time,
 * with {@link SecureXml}'s parser.
 *
 * <p>XML that is not well-formed costs only what it breaks: when the parser fails inside an entry,
 * that entry goes to {@link Sink#brokenEntry}; when it fails outside any entry, the place goes to
 * {@link Sink#brokenFeed}. Either way reading starts again at the next entry start tag after the
 * failure, inside a synthetic copy of the entry's ancestors' start tags (with their name space
 * declarations), so the entries after a broken one are still read. A document type declaration
 * stops the whole document (see {@link SecureXml}); so does a root that is neither {@code feed} nor
 * {@code rss}, and so do {@link #MAX_ERRORS} errors in one feed. The text kept of any one element is bounded by {@link #MAX_RAW_FIELD_CHARS}, and the
 * authors, categories and links of an entry by {@link #MAX_LIST}.
 */
final class XmlFeedStream {


    /** The most characters kept of one element's text; more marks the entry's field as oversize. */
    static final int MAX_RAW_FIELD_CHARS = 4 * FeedReader.MAX_ABSTRACT_CHARS;
    /** The most authors, categories or links kept of one entry (one more than any check allows). */
    static final int MAX_LIST = FeedReader.MAX_AUTHORS + 1;
    /** After this many XML errors in one feed the rest of it is not read: it is no feed. */
    static final int MAX_ERRORS = 200;

    static final String DEFAULT_ANCESTORS = "<feed xmlns=\"" + XmlNames.ATOM + "\" xmlns:arxiv=\"" + XmlNames.ARXIV
            + "\" xmlns:opensearch=\"" + XmlNames.OPENSEARCH + "\" xmlns:dc=\"" + XmlNames.DC + "\">";

    /** Receives what the stream reads. */
    interface Sink {
        /** An element outside any entry (with text only), such as {@code opensearch:totalResults}. */
        void feedField(String key, String text);

        /** A complete entry. */
        void entry(XmlEntry entry);

        /** An entry the XML breaks inside: what was read of it (its raw text up to the failure) and why. */
        void brokenEntry(XmlEntry entry, String message);

        /** Trouble outside any entry, or a document refused whole ({@code reason} bad-xml or unrecognised). */
        void brokenFeed(String reason, int line, String message, String excerpt);

        /** True when no more entries are wanted. */
        boolean full();
    }

    /**
     * Which documents a stream reads: the root elements it accepts, the elements that are entries,
     * and the elements inside an entry that only group other fields (their children are fields too).
     *
     * @param what a name for the documents, for the message when the root is none of them
     */
    record Layout(String what, java.util.Set<String> roots, java.util.Set<String> entries, java.util.Set<String> containers) {

        /** Atom {@code <feed>}, RSS 2.0 {@code <rss>} and RSS 1.0 {@code <rdf:RDF>}: entries and items. */
        static final Layout FEEDS = new Layout("an Atom or RSS feed", java.util.Set.of("feed", "rss", "rdf:RDF"),
                java.util.Set.of("entry", "item"), java.util.Set.of());
        /** OAI-PMH responses: records, their header and metadata (arXiv, arXivRaw, oai_dc) read as fields. */
        static final Layout OAI_PMH = new Layout("an OAI-PMH response", java.util.Set.of("OAI-PMH"),
                java.util.Set.of("record"), java.util.Set.of("header", "metadata", "arXiv", "arXivRaw", "authors",
                        "oai_dc:dc", "version"));

        Pattern entryStart() {
            return Pattern.compile("<(?:" + String.join("|", entries) + ")[\\s>/]");
        }
    }

    /** Where a parser run starts: an offset in the text, behind a synthetic prefix of start tags. */
    record Segment(int start, String prefix, int startLine) {
    }

    private final FeedText text;
    private final String xml;
    private final Sink sink;
    private final Layout layout;
    private final Pattern entryStart;
    private final XMLInputFactory factory = SecureXml.factory();
    private int entryCount;
    private int errors;
    /** The start tags enclosing the first entry, for resynchronising; null until an entry is seen. */
    private String entryAncestors;

    XmlFeedStream(FeedText text, Sink sink) {
        this(text, Layout.FEEDS, sink);
    }

    XmlFeedStream(FeedText text, Layout layout, Sink sink) {
        this.text = text;
        this.xml = text.text();
        this.sink = sink;
        this.layout = layout;
        this.entryStart = layout.entryStart();
    }

    /** Reads the whole feed into the sink; never throws for bad input. */
    void read() {
        Segment segment = new Segment(0, "", 1);
        while (segment != null && !sink.full()) {
            segment = readSegment(segment);
        }
    }

    /** How many entry start tags were seen, broken entries included. */
    int entryCount() {
        return entryCount;
    }

    FeedText text() {
        return text;
    }

    Sink sink() {
        return sink;
    }

    Layout layout() {
        return layout;
    }

    XMLInputFactory factory() {
        return factory;
    }

    /** One more entry start tag; its number. */
    int countEntry() {
        return ++entryCount;
    }

    /** One more XML error; how many so far. */
    int countError() {
        return ++errors;
    }

    /** The start tags enclosing the first entry, for resynchronising; null until an entry is seen. */
    String entryAncestors() {
        return entryAncestors;
    }

    void entryAncestorsOnce(String ancestors) {
        if (entryAncestors == null) {
            entryAncestors = ancestors;
        }
    }

    /** Parses from the segment's start; returns where to go on after a failure, or null when done. */
    private Segment readSegment(Segment segment) {
        XmlSegmentParse p = new XmlSegmentParse(this, segment);
        try {
            p.run();
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return p.failed(e);
        }
    }

    /** One parser run over one segment. */

    /** The 1-based column of an offset in its line. */
    int columnOf(int offset) {
        int line = text.lineOf(offset);
        return offset - text.offsetOf(line, 1) + 1;
    }

    int nextEntryStart(int from) {
        if (from >= xml.length()) {
            return -1;
        }
        Matcher m = entryStart.matcher(xml);
        return m.find(from) ? m.start() : -1;
    }

    /** Some text around an offset, for an excerpt. */
    String excerptAt(int offset) {
        int from = Math.max(0, offset - 200);
        return xml.substring(from, Math.min(xml.length(), from + 2 * io.paperfeed.model.InvalidItem.EXCERPT_LIMIT));
    }

    /** The parser's message without its own position prefix. */
    static String message(Exception e) {
        String m = e.getMessage();
        if (!(e instanceof XMLStreamException)) {
            // the JDK's parser failing otherwise than by its checked exception: still no exception escapes
            return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        if (m == null) {
            return "XML error";
        }
        int i = m.indexOf("Message: ");
        String s = i >= 0 ? m.substring(i + "Message: ".length()) : m;
        return s.strip();
    }

    /** Ends a parser run without error: the document is refused. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** Ends a parser run to start again at an offset. */
    static final class Resync extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        Resync(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
