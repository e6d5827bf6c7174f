package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One parser run of an {@link XmlFeedStream} over one segment of the text: StAX events turned into
 * feed fields and {@link XmlEntry}s for the stream's sink. A failure ends the run; {@link #failed}
 * reports it (a broken entry, or trouble outside any entry) and says where the next run starts.
 */
final class XmlSegmentParse {
    private final XmlFeedStream stream;
    private final FeedText text;
    private final String xml;
    private final XmlFeedStream.Sink sink;
    private final XmlFeedStream.Layout layout;
    private final XmlFeedStream.Segment segment;
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

    XmlSegmentParse(XmlFeedStream stream, XmlFeedStream.Segment segment) {
        this.stream = stream;
        this.text = stream.text();
        this.xml = text.text();
        this.sink = stream.sink();
        this.layout = stream.layout();
        this.segment = segment;
    }

    void run() throws XMLStreamException {
        r = SecureXml.open(stream.factory(), new PrefixedReader(segment.prefix(), xml, segment.start()));
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        sink.brokenFeed(Reasons.BAD_XML, line(), "document type declarations (<!DOCTYPE>) are "
                                + "refused: no DTDs or entities are read", stream.excerptAt(offset()));
                        throw new XmlFeedStream.Stop();
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
        } catch (XmlFeedStream.Stop stop) {
            // the document is refused whole
        } finally {
            r.close();
        }
    }

    private void start() throws XMLStreamException {
        depth++;
        String key = XmlNames.key(r.getNamespaceURI(), r.getLocalName());
        if (depth == 1 && segment.prefix().isEmpty() && !layout.roots().contains(key)) {
            sink.brokenFeed(Reasons.UNRECOGNISED, line(), "not " + layout.what() + ": the root element is <"
                    + r.getLocalName() + ">", stream.excerptAt(offset()));
            throw new XmlFeedStream.Stop();
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
            if (depth == authorDepth + 1 && XmlNames.AUTHOR_PARTS.contains(key)) {
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
            throw new XmlFeedStream.Resync(start);
        }
        stream.entryAncestorsOnce(String.join("", openTags));
        entry = new XmlEntry(stream.countEntry(), text.lineOf(start));
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
        int room = XmlFeedStream.MAX_RAW_FIELD_CHARS - fieldText.length();
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
        String key = XmlNames.key(r.getNamespaceURI(), r.getLocalName());
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
                    if (affiliations.size() < XmlFeedStream.MAX_LIST) {
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
                if (entry.links.size() < XmlFeedStream.MAX_LIST) {
                    String href = linkAttrs[1] != null ? linkAttrs[1] : value;
                    entry.links.add(new XmlEntry.Link(linkAttrs[0], href, linkAttrs[2]));
                }
            }
            case "author" -> {
                if (entry.authors.size() < XmlFeedStream.MAX_LIST) {
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
        if (value != null && list.size() < XmlFeedStream.MAX_LIST) {
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
                    .append("=\"").append(XmlNames.escape(r.getNamespaceURI(i))).append('"');
        }
        return tag.append('>').toString();
    }

    /** After a failure: reports it and says where to go on. */
    XmlFeedStream.Segment failed(Exception e) {
        if (e instanceof XmlFeedStream.Resync resync) {
            return next(resync.at);
        }
        Location loc = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation()
                : r != null ? r.getLocation() : null;
        int at = loc == null ? segment.start() : offset(loc);
        int line = loc == null ? segment.startLine() : originalLine(loc);
        String where = "line " + line + (loc == null || loc.getColumnNumber() < 1 ? "" : ", column " + stream.columnOf(at));
        String message = "not well-formed XML at " + where + ": " + XmlFeedStream.message(e);
        if (entry != null) {
            entry.raw = xml.substring(entryStart, Math.min(xml.length(), Math.max(entryStart, at) + 80));
            sink.brokenEntry(entry, message);
            entry = null;
        } else {
            sink.brokenFeed(Reasons.BAD_XML, line, message, stream.excerptAt(at));
        }
        return next(Math.max(at, entryStart + 1));
    }

    private XmlFeedStream.Segment next(int from) {
        int start = stream.nextEntryStart(Math.max(from, segment.start() + 1));
        if (start < 0) {
            return null;
        }
        if (stream.countError() >= XmlFeedStream.MAX_ERRORS) {
            int line = text.lineOf(start);
            sink.brokenFeed(Reasons.BAD_XML, line, XmlFeedStream.MAX_ERRORS + " XML errors: the rest of the feed from line " + line
                    + " on was not read", stream.excerptAt(start));
            return null;
        }
        String ancestors = stream.entryAncestors() != null ? stream.entryAncestors() : feedAncestors();
        return new XmlFeedStream.Segment(start, ancestors, text.lineOf(start));
    }

    /** Before any entry: the root's start tag (and an RSS channel's), as far as read; else an Atom feed's. */
    private String feedAncestors() {
        if (openTags.isEmpty()) {
            return XmlFeedStream.DEFAULT_ANCESTORS;
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
