package io.paperfeed.producer.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sighting says beyond the fields of a {@link io.paperfeed.model.PaperEvent}: its other
 * identifiers, its relations to other works and its venue. Kept on the parse result (keyed by item
 * key) and copied onto the event ({@link io.paperfeed.model.PaperEvent#ids()}, {@code relations},
 * {@code venue}); the DOI and arXiv id themselves are on the event.
 *
 * @param ids       identifiers by scheme, in feed order: {@code pmid}, {@code pmcid}, {@code mag},
 *                  {@code dblp}, {@code acl}, {@code corpus-id}, {@code s2}, {@code openalex},
 *                  {@code openreview}, {@code issn}, {@code oai}, {@code published-doi}
 * @param relations relations to other works, e.g. {@code is-preprint-of} a journal DOI
 * @param venue     the journal, conference or server the item names, or null
 */
public record PaperExtras(Map<String, List<String>> ids, List<Relation> relations, String venue) {

    /**
     * One relation, as Crossref names them: {@code has-preprint}, {@code is-preprint-of},
     * {@code has-review}, … (bioRxiv's journal DOI is an {@code is-preprint-of}).
     *
     * @param type   the relation type
     * @param idType the scheme of the related id ({@code doi}, {@code uri}, …)
     * @param id     the related work's id
     */
    public record Relation(String type, String idType, String id) {
    }

    public PaperExtras {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        ids.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        ids = java.util.Collections.unmodifiableMap(copy);
        relations = List.copyOf(relations);
    }

    /** The first identifier of a scheme, or null. */
    public String id(String scheme) {
        List<String> values = ids.get(scheme);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The relations as the paper event carries them. */
    public List<io.paperfeed.model.Relation> modelRelations() {
        return relations.stream().map(r -> new io.paperfeed.model.Relation(r.type(), r.idType(), r.id())).toList();
    }

    boolean isEmpty() {
        return ids.isEmpty() && relations.isEmpty() && venue == null;
    }
}
