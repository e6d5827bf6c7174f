package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One sighting of a paper in one feed, exactly as the feed gave it: fields the item does not carry
 * are null (or empty lists), never invented. Published to {@code paperfeed.papers.raw}.
 *
 * <p>A sighting has an abstract or at least a title: a journal feed's item or a Crossref work often
 * has no abstract, and such a title-only sighting can still join a paper (it cannot start one).
 *
 * @param arxivId   arXiv identifier without version ({@code 2507.20534}, {@code hep-th/9709111}), or null
 * @param version   arXiv version number when the feed gives one, or null
 * @param doi       the work's own DOI as the feed gives it (for an arXiv record, the journal DOI it names), or null
 * @param abstractText the abstract, or null for a title-only sighting
 * @param published publication date as the feed gives it (ISO date, or e.g. {@code Aug 29}), or null
 * @param links     URLs the feed gives for the paper (abstract page, PDF, DOI), in feed order
 * @param dois      every DOI the sighting names for this paper: {@code doi} first, then the DOIs of its
 *                  preprint and publication ({@link Relation#isSamePaper()}); each once (DOIs are case-insensitive)
 * @param ids       other identifiers by scheme, in feed order: {@code pmid}, {@code pmcid}, {@code openreview},
 *                  {@code openalex}, {@code s2}, {@code mag}, {@code issn}, {@code oai}, …
 * @param relations relations to other works as the feed gives them
 * @param venue     the journal, conference or server the item names (an arXiv journal-ref), or null
 * @param status    preprint, under review or published, as the source tells it, or null
 */
public record PaperEvent(
        String arxivId,
        Integer version,
        String doi,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> authors,
        List<String> categories,
        String comment,
        String published,
        String updated,
        List<String> links,
        List<String> dois,
        Map<String, List<String>> ids,
        List<Relation> relations,
        String venue,
        PaperStatus status,
        Provenance source) {

    public PaperEvent {
        if (isBlank(abstractText) && isBlank(title)) {
            throw new IllegalArgumentException("a sighting needs an abstract or a title");
        }
        if (abstractText != null && abstractText.isBlank()) {
            throw new IllegalArgumentException("abstract must not be blank (leave it out)");
        }
        Objects.requireNonNull(source, "source");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
        relations = relations == null ? List.of() : List.copyOf(relations);
        dois = allDois(doi, dois, relations);
        ids = copy(ids);
    }

    /** A sighting with nothing beyond the fields of an arXiv listing (no other ids, relations, venue or status). */
    public PaperEvent(String arxivId, Integer version, String doi, String title, String abstractText,
                      List<String> authors, List<String> categories, String comment, String published, String updated,
                      List<String> links, Provenance source) {
        this(arxivId, version, doi, title, abstractText, authors, categories, comment, published, updated, links,
                List.of(), Map.of(), List.of(), null, null, source);
    }

    /** A sighting whose feed gives no links. */
    public PaperEvent(String arxivId, Integer version, String doi, String title, String abstractText,
                      List<String> authors, List<String> categories, String comment, String published, String updated,
                      Provenance source) {
        this(arxivId, version, doi, title, abstractText, authors, categories, comment, published, updated, List.of(),
                source);
    }

    /** The record key on {@code paperfeed.papers.raw}. */
    public String itemKey() {
        return source.itemKey();
    }

    /** Whether the sighting has an abstract (a title-only one can join a paper but not start one). */
    public boolean hasAbstract() {
        return abstractText != null;
    }

    /** The first identifier of a scheme, or null. */
    public String id(String scheme) {
        List<String> values = ids.get(scheme);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The DOI of the paper's published version as this sighting knows it: the DOI it is a preprint of,
     * else its own DOI when it is the published version; null when it names none.
     */
    public String publicationDoi() {
        for (Relation r : relations) {
            if (r.type().equals(Relation.IS_PREPRINT_OF) && r.samePaperDoi() != null) {
                return r.samePaperDoi();
            }
        }
        return status == PaperStatus.PUBLISHED ? doi : null;
    }

    /** This sighting with another provenance (the same item read again from another place). */
    public PaperEvent withSource(Provenance newSource) {
        return new PaperEvent(arxivId, version, doi, title, abstractText, authors, categories, comment, published,
                updated, links, dois, ids, relations, venue, status, newSource);
    }

    /** {@code doi} first, then the other DOIs and the DOIs of same-paper relations, each once (case-insensitive), stripped. */
    public static List<String> allDois(String doi, List<String> dois, List<Relation> relations) {
        List<String> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> given = new ArrayList<>();
        if (doi != null) {
            given.add(doi);
        }
        if (dois != null) {
            given.addAll(dois);
        }
        relations.forEach(r -> {
            if (r.samePaperDoi() != null) {
                given.add(r.samePaperDoi());
            }
        });
        for (String d : given) {
            if (!isBlank(d) && !seen.contains(d.strip().toLowerCase(Locale.ROOT))) {
                seen.add(d.strip().toLowerCase(Locale.ROOT));
                all.add(d.strip());
            }
        }
        return List.copyOf(all);
    }

    static Map<String, List<String>> copy(Map<String, List<String>> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        ids.forEach((k, v) -> {
            if (k != null && v != null && !v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
