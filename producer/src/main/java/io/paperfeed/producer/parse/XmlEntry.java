package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code <entry>} (Atom) or {@code <item>} (RSS 2.0) as {@link XmlFeedStream} read it: the text
 * of its child elements by key, plus the repeated children (authors, categories, links). Keys are
 * local names for Atom and un-namespaced elements ({@code title}, {@code summary}), and prefixed for
 * the extension name spaces ({@code arxiv:doi}, {@code dc:creator}).
 */
final class XmlEntry {

    /** An {@code <author>}: its name and its affiliations ({@code arxiv:affiliation}). */
    record Author(String name, List<String> affiliations) {
    }

    /** A {@code <link>}: its {@code rel}, {@code href} and {@code title} attributes (null when absent), or its text. */
    record Link(String rel, String href, String title) {
    }

    /** 1-based number of the entry in the feed, in document order. */
    final int number;
    /** The line its start tag is on. */
    final int line;
    /** The entry as it stands in the feed, for excerpts and the binary check. */
    String raw = "";
    final Map<String, String> fields = new HashMap<>();
    final List<String> categories = new ArrayList<>();
    String primaryCategory;
    final List<Author> authors = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    /** Every value of repeated fields ({@code dc:creator}) and of attributes ({@code version@version}), bounded. */
    final Map<String, List<String>> values = new HashMap<>();
    /** The key of a field cut at {@link XmlFeedStream#MAX_RAW_FIELD_CHARS}, or null. */
    String oversizeField;

    XmlEntry(int number, int line) {
        this.number = number;
        this.line = line;
    }

    /** Every value of a field or attribute ({@code key@attribute}), in document order; empty when none. */
    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** Adds a value of a repeated field or attribute, up to {@link XmlFeedStream#MAX_LIST} per key. */
    void add(String key, String value) {
        List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() < XmlFeedStream.MAX_LIST) {
            list.add(value);
        }
    }

    /** The text of a child element, or null when the entry has none. */
    String field(String key) {
        return fields.get(key);
    }
}
