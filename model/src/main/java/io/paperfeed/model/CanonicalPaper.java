package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one record of a paper across all its sightings, keyed by its canonical id
 * ({@code arxiv:<id>} when any sighting carried an arXiv id, else a content id): the preprint, its
 * versions and its publication in a journal are one record with every identifier of each.
 * A published record always has an abstract; the de-duplicator holds a paper of title-only
 * sightings back until a sighting with an abstract joins it.
 * Published to {@code paperfeed.papers.canonical} and, with topics, {@code paperfeed.papers.classified}.
 *
 * @param predictedCategories arXiv categories predicted from the title and abstract when no feed gave
 *                categories (best first, each with its confidence); empty when {@code categories} is not
 * @param doi     the DOI of the published version when a sighting named one, else the first DOI seen
 * @param links   the URLs of every sighting (abstract page, PDF, DOI), without repeats
 * @param dois    every DOI of every sighting (the preprint's, the publication's, each once), {@code doi} first
 * @param ids     every other identifier of every sighting by scheme ({@code pmid}, {@code openreview}, …)
 * @param venue   the venue of the published version when a sighting gave one, else the first venue seen
 * @param status  the furthest status any sighting gave (preprint, under review, published), or null
 * @param sources one entry per distinct input item merged into this paper (an exact repeat of an
 *                item already merged is not listed again)
 * @param aliases ids this paper was published under before, e.g. its content id before a sighting
 *                with an arXiv id joined it
 * @param change  NEW on the first sighting, UPDATED when a later sighting added or changed something
 * @param orcids  the ORCID iDs of its authors any sighting gave, by author name ({@link Orcids}); empty when none
 * @param embedding the sentence embedding of its title and abstract (computed once per version of that
 *                text by the streams app's embed step); null before that step, or when it is turned off
 */
public record CanonicalPaper(
        String id,
        String arxivId,
        Integer version,
        String doi,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> authors,
        List<String> categories,
        List<PredictedCategory> predictedCategories,
        String comment,
        String published,
        String updated,
        List<String> links,
        List<String> dois,
        Map<String, List<String>> ids,
        String venue,
        PaperStatus status,
        List<TopicMatch> topics,
        List<Provenance> sources,
        List<String> aliases,
        Change change,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> orcids,
        @JsonInclude(JsonInclude.Include.NON_NULL) PaperEmbedding embedding) {

    /** Whether this record is a paper's first appearance or a later change to it. */
    public enum Change { NEW, UPDATED }

    public CanonicalPaper {
        Provenance.requireText(id, "id");
        if (abstractText == null && (title == null || title.isBlank())) {
            throw new IllegalArgumentException("a canonical paper has an abstract or a title");
        }
        if (abstractText != null && abstractText.isBlank()) {
            throw new IllegalArgumentException("abstract must not be blank (leave it out)");
        }
        Objects.requireNonNull(change, "change");
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        predictedCategories = predictedCategories == null ? List.of() : List.copyOf(predictedCategories);
        links = links == null ? List.of() : List.copyOf(links);
        dois = PaperEvent.allDois(doi, dois, List.of());
        ids = PaperEvent.copy(ids);
        topics = topics == null ? List.of() : List.copyOf(topics);
        sources = sources == null ? List.of() : List.copyOf(sources);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a canonical paper has at least one source");
        }
        orcids = Orcids.copy(orcids);
    }

    /** A paper without ORCID iDs and without an embedding. */
    public CanonicalPaper(String id, String arxivId, Integer version, String doi, String title, String abstractText,
                          List<String> authors, List<String> categories, List<PredictedCategory> predictedCategories,
                          String comment, String published, String updated, List<String> links, List<String> dois,
                          Map<String, List<String>> ids, String venue, PaperStatus status, List<TopicMatch> topics,
                          List<Provenance> sources, List<String> aliases, Change change) {
        this(id, arxivId, version, doi, title, abstractText, authors, categories, predictedCategories, comment,
                published, updated, links, dois, ids, venue, status, topics, sources, aliases, change, Map.of(), null);
    }

    /** A paper without an embedding (before the embed step). */
    public CanonicalPaper(String id, String arxivId, Integer version, String doi, String title, String abstractText,
                          List<String> authors, List<String> categories, List<PredictedCategory> predictedCategories,
                          String comment, String published, String updated, List<String> links, List<String> dois,
                          Map<String, List<String>> ids, String venue, PaperStatus status, List<TopicMatch> topics,
                          List<Provenance> sources, List<String> aliases, Change change, Map<String, String> orcids) {
        this(id, arxivId, version, doi, title, abstractText, authors, categories, predictedCategories, comment,
                published, updated, links, dois, ids, venue, status, topics, sources, aliases, change, orcids, null);
    }

    /** A paper without ORCID iDs, with its embedding. */
    public CanonicalPaper(String id, String arxivId, Integer version, String doi, String title, String abstractText,
                          List<String> authors, List<String> categories, List<PredictedCategory> predictedCategories,
                          String comment, String published, String updated, List<String> links, List<String> dois,
                          Map<String, List<String>> ids, String venue, PaperStatus status, List<TopicMatch> topics,
                          List<Provenance> sources, List<String> aliases, Change change, PaperEmbedding embedding) {
        this(id, arxivId, version, doi, title, abstractText, authors, categories, predictedCategories, comment,
                published, updated, links, dois, ids, venue, status, topics, sources, aliases, change, Map.of(),
                embedding);
    }

    /** A paper without the identifiers, venue and status of other sources, ORCID iDs or an embedding. */
    public CanonicalPaper(String id, String arxivId, Integer version, String doi, String title, String abstractText,
                          List<String> authors, List<String> categories, List<PredictedCategory> predictedCategories,
                          String comment, String published, String updated, List<String> links,
                          List<TopicMatch> topics, List<Provenance> sources, List<String> aliases, Change change) {
        this(id, arxivId, version, doi, title, abstractText, authors, categories, predictedCategories, comment,
                published, updated, links, List.of(), Map.of(), null, null, topics, sources, aliases, change, Map.of(),
                null);
    }

    /** A new canonical paper made of a single sighting. */
    public static CanonicalPaper firstSighting(String id, PaperEvent e) {
        String doi = e.publicationDoi() != null ? e.publicationDoi() : e.doi();
        return new CanonicalPaper(id, e.arxivId(), e.version(), doi, e.title(), e.abstractText(),
                e.authors(), e.categories(), List.of(), e.comment(), e.published(), e.updated(),
                e.links(), e.dois(), e.ids(), e.venue(), e.status(), List.of(), List.of(e.source()), List.of(),
                Change.NEW, e.orcids());
    }

    /** The first identifier of a scheme ({@code pmid}, {@code openreview}, …), or null. */
    public String id(String scheme) {
        List<String> values = ids.get(scheme);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** This paper marked with the given change kind. */
    public CanonicalPaper withChange(Change newChange) {
        return new CanonicalPaper(id, arxivId, version, doi, title, abstractText, authors, categories,
                predictedCategories, comment, published, updated, links, dois, ids, venue, status, topics, sources,
                aliases, newChange, orcids, embedding);
    }

    /** This paper with the given topics. */
    public CanonicalPaper withTopics(List<TopicMatch> newTopics) {
        return new CanonicalPaper(id, arxivId, version, doi, title, abstractText, authors, categories,
                predictedCategories, comment, published, updated, links, dois, ids, venue, status, newTopics, sources,
                aliases, change, orcids, embedding);
    }

    /** This paper with the given predicted categories (best first). */
    public CanonicalPaper withPredictedCategories(List<PredictedCategory> newPredictedCategories) {
        return new CanonicalPaper(id, arxivId, version, doi, title, abstractText, authors, categories,
                newPredictedCategories, comment, published, updated, links, dois, ids, venue, status, topics, sources,
                aliases, change, orcids, embedding);
    }

    /** This paper under another id, with the given aliases. */
    public CanonicalPaper withId(String newId, List<String> newAliases) {
        return new CanonicalPaper(newId, arxivId, version, doi, title, abstractText, authors, categories,
                predictedCategories, comment, published, updated, links, dois, ids, venue, status, topics, sources,
                newAliases, change, orcids, embedding);
    }

    /** This paper with the given embedding. */
    public CanonicalPaper withEmbedding(PaperEmbedding newEmbedding) {
        return new CanonicalPaper(id, arxivId, version, doi, title, abstractText, authors, categories,
                predictedCategories, comment, published, updated, links, dois, ids, venue, status, topics, sources,
                aliases, change, orcids, newEmbedding);
    }
}
