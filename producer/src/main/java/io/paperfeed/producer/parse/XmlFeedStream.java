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

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** The most characters kept of one element's text; more marks the entry's field as oversize. */
    static final int MAX_RAW_FIELD_CHARS = 4 * FeedReader.MAX_ABSTRACT_CHARS;
    /** The most authors, categories or links kept of one entry (one more than any check allows). */
    static final int MAX_LIST = FeedReader.MAX_AUTHORS + 1;
    /** After this many XML errors in one feed the rest of it is not read: it is no feed. */
    static final int MAX_ERRORS = 200;

    private static final String DEFAULT_ANCESTORS = "<feed xmlns=\"" + ATOM + "\" xmlns:arxiv=\"" + ARXIV
            + "\" xmlns:opensearch=\"" + OPENSEARCH + "\" xmlns:dc=\"" + DC + "\">";

    /** Name spaces whose elements are keyed by local name. */
    private static final java.util.Set<String> PLAIN_NAMESPACES = java.util.Set.of(ATOM, "http://purl.org/rss/1.0/", OAI,
            "http://arxiv.org/OAI/arXiv/", "http://arxiv.org/OAI/arXivRaw/");
    private static final java.util.Map<String, String> PREFIXES = java.util.Map.of(ARXIV, "arxiv:", DC, "dc:",
            OPENSEARCH, "opensearch:", RDF, "rdf:", "http://purl.org/dc/terms/", "dcterms:",
            "http://purl.org/rss/1.0/modules/content/", "content:", "http://www.openarchives.org/OAI/2.0/oai_dc/", "oai_dc:");
    /** The children of an {@code <author>} that are kept. */
    private static final java.util.Set<String> AUTHOR_PARTS = java.util.Set.of("name", "arxiv:affiliation", "affiliation",
            "keyname", "forenames", "suffix");

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
    private record Segment(int start, String prefix, int startLine) {
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

    /** Parses from the segment's start; returns where to go on after a failure, or null when done. */
    private Segment readSegment(Segment segment) {
        Parse p = new Parse(segment);
        try {
            p.run();
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return p.failed(e);
        }
    }

    /** One parser run over one segment. */
    private final class Parse {
        private final Segment segment;
        private XMLStreamReader r;
        private final List<String> openTags = new ArrayList<>();
        private int depth;
        private boolean rss;
        private boolean rdf;
        private XmlEntry entry;
        private int entryDepth;
        private int entryStart;
        private String fieldKey;
        private int fieldDepth;
        private final StringBuilder fieldText = new StringBuilder();
        private String authorName;
        private int authorDepth;
        private final java.util.Map<String, String> authorParts = new java.util.HashMap<>();
        private List<String> affiliations;
        private String attrTerm;
        private String[] linkAttrs;

        Parse(Segment segment) {
            this.segment = segment;
        }

        void run() throws XMLStreamException {
            r = SecureXml.open(factory, new PrefixedReader(segment.prefix(), xml, segment.start()));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    switch (event) {
                        case XMLStreamConstants.DTD -> {
                            sink.brokenFeed(Reasons.BAD_XML, line(), "document type declarations (<!DOCTYPE>) are "
                                    + "refused: no DTDs or entities are read", excerptAt(offset()));
                            throw new Stop();
                        }
                        case XMLStreamConstants.START_ELEMENT -> start();
                        case XMLStreamConstants.END_ELEMENT -> end();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                        default -> {
                            // comments, processing instructions: nothing to keep
                        }
                    }
                    if (sink.full()) {
                        return;
                    }
                }
            } catch (Stop stop) {
                // the document is refused whole
            } finally {
                r.close();
            }
        }

        private void start() throws XMLStreamException {
            depth++;
            String key = key(r.getNamespaceURI(), r.getLocalName());
            if (depth == 1 && segment.prefix().isEmpty() && !layout.roots().contains(key)) {
                sink.brokenFeed(Reasons.UNRECOGNISED, line(), "not " + layout.what() + ": the root element is <"
                        + r.getLocalName() + ">", excerptAt(offset()));
                throw new Stop();
            }
            if (depth == 1) {
                rss = key.equals("rss");
                rdf = key.equals("rdf:RDF");
            }
            if (isEntry(key)) {
                startEntry();
                return;
            }
            if (entry == null) {
                openTags.add(startTag());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    sink.feedField(key + "@" + r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
                fieldKey = key;
                fieldDepth = depth;
                fieldText.setLength(0);
                return;
            }
            if (authorName != null) {
                if (depth == authorDepth + 1 && AUTHOR_PARTS.contains(key)) {
                    fieldKey = key;
                    fieldDepth = depth;
                    fieldText.setLength(0);
                }
                return;
            }
            if (fieldKey != null) {
                return; // markup inside a text field is part of its text
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                entry.add(key + "@" + r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            if (!layout.containers().contains(key)) {
                startChild(key);
            }
        }

        private boolean isEntry(String key) {
            return layout.entries().contains(key) && (!key.equals("item") || rss || rdf);
        }

        private void startEntry() {
            int end = offset();
            int start = Math.max(segment.start(), xml.lastIndexOf('<', Math.max(0, end - 1)));
            if (entry != null) {
                // the previous entry was never closed: it is broken, and this one starts afresh
                entry.raw = xml.substring(entryStart, start);
                sink.brokenEntry(entry, "line " + entry.line + ": <" + r.getLocalName()
                        + "> not closed before the next one starts at line " + text.lineOf(start));
                throw new Resync(start);
            }
            if (entryAncestors == null) {
                entryAncestors = String.join("", openTags);
            }
            entryCount++;
            entry = new XmlEntry(entryCount, text.lineOf(start));
            entryDepth = depth;
            entryStart = start;
            fieldKey = null;
        }

        private void startChild(String key) {
            fieldKey = key;
            fieldDepth = depth;
            fieldText.setLength(0);
            attrTerm = null;
            linkAttrs = null;
            switch (key) {
                case "category", "arxiv:primary_category" -> attrTerm = r.getAttributeValue(null, "term");
                case "link" -> linkAttrs = new String[] {
                    r.getAttributeValue(null, "rel"), r.getAttributeValue(null, "href"), r.getAttributeValue(null, "title")};
                case "author" -> {
                    authorName = "";
                    authorDepth = depth;
                    authorParts.clear();
                    affiliations = new ArrayList<>();
                    fieldKey = null;
                }
                default -> {
                    // a text field
                }
            }
        }

        private void text() {
            if (fieldKey == null) {
                return;
            }
            int room = MAX_RAW_FIELD_CHARS - fieldText.length();
            int length = r.getTextLength();
            if (length > room) {
                fieldText.append(r.getTextCharacters(), r.getTextStart(), Math.max(0, room));
                if (entry != null && entry.oversizeField == null) {
                    entry.oversizeField = fieldKey;
                }
            } else {
                fieldText.append(r.getTextCharacters(), r.getTextStart(), length);
            }
        }

        private void end() {
            String key = key(r.getNamespaceURI(), r.getLocalName());
            if (entry == null) {
                if (fieldKey != null && depth == fieldDepth) {
                    sink.feedField(key, fieldText.toString());
                    fieldKey = null;
                }
                if (!openTags.isEmpty()) {
                    openTags.remove(openTags.size() - 1);
                }
            } else if (depth == entryDepth) {
                entry.raw = xml.substring(entryStart, Math.max(entryStart, offset()));
                XmlEntry done = entry;
                entry = null;
                fieldKey = null;
                sink.entry(done);
            } else if (authorName != null && depth == authorDepth) {
                endChild(key);
            } else if (authorName != null) {
                if (fieldKey != null && depth == fieldDepth) {
                    if (key.equals("arxiv:affiliation") || key.equals("affiliation")) {
                        if (affiliations.size() < MAX_LIST) {
                            affiliations.add(fieldText.toString());
                        }
                    } else {
                        authorParts.putIfAbsent(key, fieldText.toString());
                    }
                    fieldKey = null;
                }
            } else if (fieldKey != null && depth == fieldDepth) {
                endChild(key);
            }
            depth--;
        }

        private void endChild(String key) {
            String value = fieldText.toString();
            switch (key) {
                case "category" -> addBounded(entry.categories, attrTerm != null ? attrTerm : value);
                case "arxiv:primary_category" -> entry.primaryCategory = attrTerm;
                case "link" -> {
                    if (entry.links.size() < MAX_LIST) {
                        String href = linkAttrs[1] != null ? linkAttrs[1] : value;
                        entry.links.add(new XmlEntry.Link(linkAttrs[0], href, linkAttrs[2]));
                    }
                }
                case "author" -> {
                    if (entry.authors.size() < MAX_LIST) {
                        entry.authors.add(new XmlEntry.Author(authorName(), List.copyOf(affiliations)));
                    }
                    authorName = null;
                    affiliations = null;
                }
                default -> {
                    entry.fields.putIfAbsent(key, value);
                    entry.add(key, value);
                }
            }
            fieldKey = null;
        }

        /** An author's {@code <name>}, or arXiv OAI's {@code <forenames> <keyname> <suffix>}. */
        private String authorName() {
            String name = authorParts.get("name");
            if (name != null) {
                return name;
            }
            StringBuilder b = new StringBuilder();
            for (String part : List.of("forenames", "keyname", "suffix")) {
                String v = authorParts.get(part);
                if (v != null && !v.isBlank()) {
                    b.append(b.length() == 0 ? "" : " ").append(v.strip());
                }
            }
            return b.toString();
        }

        private void addBounded(List<String> list, String value) {
            if (value != null && list.size() < MAX_LIST) {
                list.add(value);
            }
        }

        /** A one-line copy of the current start tag: its name and name space declarations. */
        private String startTag() {
            StringBuilder tag = new StringBuilder("<");
            String prefix = r.getPrefix();
            if (prefix != null && !prefix.isEmpty()) {
                tag.append(prefix).append(':');
            }
            tag.append(r.getLocalName());
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String p = r.getNamespacePrefix(i);
                tag.append(p == null || p.isEmpty() ? " xmlns" : " xmlns:" + p)
                        .append("=\"").append(escape(r.getNamespaceURI(i))).append('"');
            }
            return tag.append('>').toString();
        }

        /** After a failure: reports it and says where to go on. */
        Segment failed(Exception e) {
            if (e instanceof Resync resync) {
                return next(resync.at);
            }
            Location loc = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation()
                    : r != null ? r.getLocation() : null;
            int at = loc == null ? segment.start() : offset(loc);
            int line = loc == null ? segment.startLine() : originalLine(loc);
            String where = "line " + line + (loc == null || loc.getColumnNumber() < 1 ? "" : ", column " + columnOf(at));
            String message = "not well-formed XML at " + where + ": " + message(e);
            if (entry != null) {
                entry.raw = xml.substring(entryStart, Math.min(xml.length(), Math.max(entryStart, at) + 80));
                sink.brokenEntry(entry, message);
                entry = null;
            } else {
                sink.brokenFeed(Reasons.BAD_XML, line, message, excerptAt(at));
            }
            return next(Math.max(at, entryStart + 1));
        }

        private Segment next(int from) {
            int start = nextEntryStart(Math.max(from, segment.start() + 1));
            if (start < 0) {
                return null;
            }
            if (++errors >= MAX_ERRORS) {
                int line = text.lineOf(start);
                sink.brokenFeed(Reasons.BAD_XML, line, MAX_ERRORS + " XML errors: the rest of the feed from line " + line
                        + " on was not read", excerptAt(start));
                return null;
            }
            String ancestors = entryAncestors != null ? entryAncestors : feedAncestors();
            return new Segment(start, ancestors, text.lineOf(start));
        }

        /** Before any entry: the root's start tag (and an RSS channel's), as far as read; else an Atom feed's. */
        private String feedAncestors() {
            if (openTags.isEmpty()) {
                return DEFAULT_ANCESTORS;
            }
            boolean channel = rss && openTags.size() > 1 && openTags.get(1).startsWith("<channel");
            return openTags.get(0) + (channel ? openTags.get(1) : "");
        }

        private int line() {
            return originalLine(r.getLocation());
        }

        private int offset() {
            return offset(r.getLocation());
        }

        private int originalLine(Location loc) {
            return loc.getLineNumber() < 1 ? segment.startLine() : segment.startLine() + loc.getLineNumber() - 1;
        }

        /** The offset in the whole text of a location the parser reports in this segment. */
        private int offset(Location loc) {
            int line = loc.getLineNumber();
            int column = loc.getColumnNumber();
            if (line < 1 || column < 1) {
                return segment.start();
            }
            if (line == 1) {
                long o = (long) segment.start() + column - 1 - segment.prefix().length();
                return (int) Math.max(segment.start(), Math.min(o, xml.length()));
            }
            return Math.max(segment.start(), text.offsetOf(segment.startLine() + line - 1, column));
        }
    }

    /** The 1-based column of an offset in its line. */
    private int columnOf(int offset) {
        int line = text.lineOf(offset);
        return offset - text.offsetOf(line, 1) + 1;
    }

    private int nextEntryStart(int from) {
        if (from >= xml.length()) {
            return -1;
        }
        Matcher m = entryStart.matcher(xml);
        return m.find(from) ? m.start() : -1;
    }

    /** Some text around an offset, for an excerpt. */
    private String excerptAt(int offset) {
        int from = Math.max(0, offset - 200);
        return xml.substring(from, Math.min(xml.length(), from + 2 * io.paperfeed.model.InvalidItem.EXCERPT_LIMIT));
    }

    /** The parser's message without its own position prefix. */
    private static String message(Exception e) {
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

    /**
     * The key of an element: its local name in the Atom, RSS 1.0, OAI-PMH and arXiv OAI name spaces
     * or in none, else prefixed by its name space's usual prefix ({@code dc:}, {@code prism:} of any
     * PRISM version, {@code arxiv:}, {@code content:}), else {@code {name space}local}.
     */
    static String key(String namespace, String local) {
        if (namespace == null || namespace.isEmpty() || PLAIN_NAMESPACES.contains(namespace)) {
            return local;
        }
        if (namespace.startsWith("http://prismstandard.org/namespaces/")) {
            return "prism:" + local;
        }
        String prefix = PREFIXES.get(namespace);
        return prefix != null ? prefix + local : "{" + namespace + "}" + local;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** Ends a parser run without error: the document is refused. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** Ends a parser run to start again at an offset. */
    private static final class Resync extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        Resync(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
