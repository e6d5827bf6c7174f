package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.PaperStatus;
import io.paperfeed.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Folds one more sighting into a canonical paper: fields the paper lacks are taken from the
 * sighting, the latest version wins, categories, links, DOIs and other ids are united, the furthest
 * status wins (with the venue and DOI of the published version), ORCID iDs are united (the first for a
 * name), and the sighting joins the sources.
 * A paper known by its content id takes the id {@code arxiv:<id>} as soon as a sighting brings an
 * arXiv id; the old id is kept in {@code aliases}. A paper held back (title-only sightings, never
 * published) that gets its first abstract is a NEW paper: {@code arxiv:<id>} or the content id of
 * that abstract, with no alias. A held paper can also be absorbed whole into another paper
 * ({@link #absorb}): as one sighting per source it had.
 */
final class PaperMerge {

    private PaperMerge() {
    }

    /** The merged paper (marked UPDATED, or NEW for a held paper's first abstract), or null when the sighting adds nothing. */
    static CanonicalPaper merge(CanonicalPaper paper, PaperEvent s) {
        boolean newer = s.version() != null && (paper.version() == null || s.version() > paper.version());
        List<Provenance> sources = new ArrayList<>(paper.sources());
        boolean newSource = sources.stream().noneMatch(p -> p.itemKey().equals(s.source().itemKey()));
        if (newSource) {
            sources.add(s.source());
        }
        LinkedHashSet<String> categories = new LinkedHashSet<>(paper.categories());
        categories.addAll(s.categories());
        LinkedHashSet<String> links = new LinkedHashSet<>(paper.links());
        links.addAll(s.links());
        String arxivId = first(paper.arxivId(), s.arxivId());
        boolean held = paper.abstractText() == null;
        String abstractText = newer && s.abstractText() != null ? s.abstractText()
                : first(paper.abstractText(), s.abstractText());
        String id = arxivId != null ? "arxiv:" + arxivId
                : held && abstractText != null ? "content:" + ContentIds.hash(abstractText) : paper.id();
        List<String> aliases = new ArrayList<>(paper.aliases());
        if (!id.equals(paper.id()) && !held) {
            aliases.add(paper.id());
        }
        boolean publishedNow = s.status() == PaperStatus.PUBLISHED && paper.status() != PaperStatus.PUBLISHED;
        String doi = publishedNow && s.publicationDoi() != null ? s.publicationDoi()
                : first(paper.doi(), first(s.publicationDoi(), s.doi()));
        List<String> dois = new ArrayList<>(paper.dois());
        dois.addAll(s.dois());
        CanonicalPaper merged = new CanonicalPaper(id,
                arxivId,
                newer ? s.version() : paper.version(),
                doi,
                first(paper.title(), s.title()),
                abstractText,
                paper.authors().isEmpty() ? s.authors() : paper.authors(),
                List.copyOf(categories),
                paper.predictedCategories(),
                newer || paper.comment() == null ? first(s.comment(), paper.comment()) : paper.comment(),
                first(paper.published(), s.published()),
                newer || paper.updated() == null ? first(s.updated(), paper.updated()) : paper.updated(),
                List.copyOf(links),
                PaperEvent.allDois(doi, dois, List.of()),
                ids(paper.ids(), s.ids()),
                publishedNow && s.venue() != null ? s.venue() : first(paper.venue(), s.venue()),
                PaperStatus.furthest(paper.status(), s.status()),
                paper.topics(),
                sources,
                aliases,
                held && abstractText != null ? CanonicalPaper.Change.NEW : CanonicalPaper.Change.UPDATED,
                io.paperfeed.model.Orcids.merge(paper.orcids(), s.orcids()));
        return sameContent(paper, merged) ? null : merged;
    }

    /** The paper with a held paper absorbed (its fields as one sighting per source it had), or null when that adds nothing. */
    static CanonicalPaper absorb(CanonicalPaper paper, CanonicalPaper held) {
        CanonicalPaper result = paper;
        for (Provenance source : held.sources()) {
            CanonicalPaper merged = merge(result, new PaperEvent(held.arxivId(), held.version(), held.doi(),
                    held.title(), held.abstractText(), held.authors(), held.categories(), held.comment(),
                    held.published(), held.updated(), held.links(), held.dois(), held.ids(), List.of(), held.venue(),
                    held.status(), source, held.orcids()));
            result = merged == null ? result : merged;
        }
        return result == paper ? null : result;
    }

    private static Map<String, List<String>> ids(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        a.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        b.forEach((k, v) -> v.forEach(value -> {
            List<String> values = all.computeIfAbsent(k, x -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }));
        return all;
    }

    private static boolean sameContent(CanonicalPaper a, CanonicalPaper b) {
        return a.withTopics(List.of()).equals(b.withTopics(List.of()).withChange(a.change()));
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
