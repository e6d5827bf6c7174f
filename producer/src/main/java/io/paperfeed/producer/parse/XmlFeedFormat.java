package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The XML feed formats: an Atom {@code <feed>} (or RSS 2.0 {@code <rss>}) read by
 * {@link XmlFeedStream}. Each subclass recognises its feed from the head of the text and maps one
 * {@link XmlEntry} to a draft.
 *
 * <p>An item's position is its entry number (1-based, in document order), not its line: a feed may
 * sit on one line. Trouble outside any entry (a broken header, junk after the last entry, a refused
 * DOCTYPE, a feed that is no XML at all) becomes one invalid item each, numbered after the last entry,
 * so that every item key of the source stays unique.
 */
abstract class XmlFeedFormat implements FeedFormat {

    /** How much of the head detection looks at. */
    static final int DETECT_CHARS = 16 * 1024;

    private static final Pattern ATOM_ROOT = Pattern.compile("^<(?:[\\w.-]+:)?feed[\\s>/]");
    private static final Pattern RSS_ROOT = Pattern.compile("^<rss[\\s>/]");

    /** XML trouble outside any entry, kept until the entries are counted. */
    private record Trouble(String reason, String detail, String excerpt) {
    }

    /** Maps one entry to a draft, or rejects it through {@code out} and returns null. */
    abstract PaperDraft toDraft(XmlEntry entry, ResultCollector out);

    /**
     * Called once the feed is read, with the text of the elements outside entries by key (and their
     * attributes as {@code key@attribute}) and the position a further item would take.
     */
    void feedRead(Map<String, String> feedFields, int nextPosition, ResultCollector out) {
    }

    /** The documents this format's stream reads. */
    XmlFeedStream.Layout layout() {
        return XmlFeedStream.Layout.FEEDS;
    }

    @Override
    public void parse(FeedText text, ResultCollector out) {
        Map<String, String> feedFields = new LinkedHashMap<>();
        List<Trouble> feedTrouble = new ArrayList<>();
        XmlFeedStream stream = new XmlFeedStream(text, layout(), new XmlFeedStream.Sink() {
            @Override
            public void feedField(String key, String value) {
                feedFields.putIfAbsent(key, value);
            }

            @Override
            public void entry(XmlEntry entry) {
                PaperDraft draft = toDraft(entry, out);
                if (draft != null) {
                    out.accept(draft);
                }
            }

            @Override
            public void brokenEntry(XmlEntry entry, String message) {
                out.reject(entry.number, Reasons.BAD_XML, "entry " + entry.number + " (line " + entry.line + "): "
                        + message, entry.raw);
            }

            @Override
            public void brokenFeed(String reason, int line, String message, String excerpt) {
                feedTrouble.add(new Trouble(reason, message, excerpt)); // numbered once the entries are counted
            }

            @Override
            public boolean full() {
                return out.full();
            }
        });
        stream.read();
        int position = stream.entryCount() + 1;
        for (Trouble trouble : feedTrouble) {
            out.reject(position++, trouble.reason(), trouble.detail(), trouble.excerpt());
        }
        feedRead(feedFields, position, out);
    }

    /** A field's text with double-encoded UTF-8 repaired, or null. */
    static String text(XmlEntry entry, String key) {
        return TextNormalizer.repairDoubleEncoded(entry.field(key));
    }

    /** The first non-null field among the keys. */
    static String firstText(XmlEntry entry, String... keys) {
        for (String key : keys) {
            String value = text(entry, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The authors' names, in order, repaired. */
    static List<String> authorNames(XmlEntry entry) {
        List<String> names = new ArrayList<>();
        for (XmlEntry.Author a : entry.authors) {
            names.add(TextNormalizer.repairDoubleEncoded(a.name()));
        }
        return names;
    }

    /** The primary category first, then the others in feed order (duplicates are dropped later). */
    static List<String> categories(XmlEntry entry) {
        List<String> out = new ArrayList<>();
        if (entry.primaryCategory != null) {
            out.add(entry.primaryCategory);
        }
        out.addAll(entry.categories);
        return out;
    }

    /** A draft with the fields every XML format shares; the oversize mark carried over. */
    static PaperDraft draft(XmlEntry entry, String summaryKey) {
        PaperDraft d = new PaperDraft(entry.number, entry.raw);
        if (entry.oversizeField != null) {
            d.oversizeField = entry.oversizeField.equals(summaryKey) ? PaperDraft.ABSTRACT : entry.oversizeField;
        }
        return d;
    }

    /**
     * The root start tag of an XML text's head, after its prolog (XML declaration, comments,
     * processing instructions, a DOCTYPE), or null when the head holds none.
     */
    static String rootTag(String head) {
        int i = 0;
        while (true) {
            while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
                i++;
            }
            if (i >= head.length() || head.charAt(i) != '<') {
                return null;
            }
            int end;
            if (head.startsWith("<?", i)) {
                end = head.indexOf("?>", i);
                end = end < 0 ? -1 : end + 2;
            } else if (head.startsWith("<!--", i)) {
                end = head.indexOf("-->", i);
                end = end < 0 ? -1 : end + 3;
            } else if (head.startsWith("<!", i)) {
                int bracket = head.indexOf('[', i);
                int close = head.indexOf('>', i);
                if (bracket >= 0 && close >= 0 && bracket < close) {
                    int subsetEnd = head.indexOf("]", bracket);
                    close = subsetEnd < 0 ? -1 : head.indexOf('>', subsetEnd);
                }
                end = close < 0 ? -1 : close + 1;
            } else {
                int close = head.indexOf('>', i);
                return close < 0 ? null : head.substring(i, close + 1);
            }
            if (end < 0) {
                return null;
            }
            i = end;
        }
    }

    /** True when the root tag is an Atom {@code <feed>}. */
    static boolean atomRoot(String rootTag) {
        return rootTag != null && ATOM_ROOT.matcher(rootTag).find() && rootTag.contains(XmlNames.ATOM);
    }

    /** True when the root tag is an RSS 2.0 {@code <rss>}. */
    static boolean rssRoot(String rootTag) {
        return rootTag != null && RSS_ROOT.matcher(rootTag).find();
    }

    /** The head up to its first entry: the feed's own elements, where detection looks for markers. */
    static String feedHeader(String head) {
        int entry = head.indexOf("<entry");
        int item = head.indexOf("<item");
        int end = entry < 0 ? item : item < 0 ? entry : Math.min(entry, item);
        return end < 0 ? head : head.substring(0, end);
    }
}
