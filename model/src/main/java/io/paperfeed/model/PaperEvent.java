package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One sighting of a paper in one feed, exactly as the feed gave it: fields the item does not carry
 * are null (or empty lists), never invented. Published to {@code paperfeed.papers.raw}.
 *
 * @param arxivId   arXiv identifier without version ({@code 2507.20534}, {@code hep-th/9709111}), or null
 * @param version   arXiv version number when the feed gives one, or null
 * @param published publication date as the feed gives it (ISO date, or e.g. {@code Aug 29}), or null
 * @param links     URLs the feed gives for the paper (abstract page, PDF, DOI), in feed order
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
        Provenance source) {

    public PaperEvent {
        Provenance.requireText(abstractText, "abstract");
        Objects.requireNonNull(source, "source");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
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
}
