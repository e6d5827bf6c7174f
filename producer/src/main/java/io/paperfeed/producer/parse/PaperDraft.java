package io.paperfeed.producer.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item as a format read it, before cleaning and validation: the raw field values (null when the
 * item lacks them), where it starts and its raw text for excerpts.
 */
final class PaperDraft {

    /** The name {@link #oversizeField} has for the abstract. */
    static final String ABSTRACT = "abstract";

    final int position;
    final String raw;
    /** The arXiv id as given, possibly with prefix and version ({@code arXiv:2507.20534v2}). */
    String arxivId;
    /** A version given apart from the id (paper-event JSON); a version inside {@link #arxivId} wins. */
    Integer version;
    String doi;
    String title;
    String abstractText;
    List<String> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    /** URLs the item gives for the paper (abstract page, PDF, DOI). */
    List<String> links = new ArrayList<>();
    String comment;
    String published;
    String updated;
    /** Set for hard-wrapped abstracts (arXiv JSON summaries): line breaks are joined, not kept. */
    boolean wrappedAbstract;
    /** Identifiers beyond the arXiv id and DOI, by scheme ({@link PaperExtras#ids()}). */
    final Map<String, List<String>> ids = new LinkedHashMap<>();
    /** Relations to other works ({@link PaperExtras#relations()}). */
    final List<PaperExtras.Relation> relations = new ArrayList<>();
    /** The journal, conference or server the item names. */
    String venue;
    /** Other DOIs of the same work the item names besides {@link #doi} (paper-event JSON). */
    List<String> dois = new ArrayList<>();
    /** The status the item gives outright ({@code preprint}, {@code published}, …), or null ({@link SightingStatus}). */
    String status;
    /** A field cut while reading because it was over the raw text bound ({@link #ABSTRACT} or another name), or null. */
    String oversizeField;

    /**
     * @param position the 1-based line where the item starts (entry number for XML feeds)
     * @param raw      the item's text as it stands in the source, for excerpts and binary checks
     */
    PaperDraft(int position, String raw) {
        this.position = position;
        this.raw = raw;
    }

    /** Adds an identifier, cleaned; blank values and repeats are dropped. */
    void id(String scheme, String value) {
        String v = TextNormalizer.clean(value);
        if (v != null && v.length() <= FeedReader.MAX_FIELD_CHARS) {
            List<String> values = ids.computeIfAbsent(scheme, k -> new ArrayList<>());
            if (!values.contains(v)) {
                values.add(v);
            }
        }
    }

    /** Adds a relation when its type and id are given. */
    void relation(String type, String idType, String id) {
        String t = TextNormalizer.clean(type);
        String i = TextNormalizer.clean(id);
        if (t != null && i != null && i.length() <= FeedReader.MAX_FIELD_CHARS) {
            relations.add(new PaperExtras.Relation(t, TextNormalizer.clean(idType), i));
        }
    }
}
