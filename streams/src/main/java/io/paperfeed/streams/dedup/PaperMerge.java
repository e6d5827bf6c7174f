package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Folds one more sighting into a canonical paper: fields the paper lacks are taken from the
 * sighting, the latest version wins, categories and links are united, and the sighting joins the sources.
 * A paper known by its content id takes the id {@code arxiv:<id>} as soon as a sighting brings an
 * arXiv id; the old id is kept in {@code aliases}.
 */
final class PaperMerge {

    private PaperMerge() {
    }

    /** The merged paper (marked UPDATED), or null when the sighting adds nothing. */
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
        String id = arxivId == null ? paper.id() : "arxiv:" + arxivId;
        List<String> aliases = new ArrayList<>(paper.aliases());
        if (!id.equals(paper.id())) {
            aliases.add(paper.id());
        }
        CanonicalPaper merged = new CanonicalPaper(id,
                arxivId,
                newer ? s.version() : paper.version(),
                first(paper.doi(), s.doi()),
                first(paper.title(), s.title()),
                newer ? s.abstractText() : paper.abstractText(),
                paper.authors().isEmpty() ? s.authors() : paper.authors(),
                List.copyOf(categories),
                paper.predictedCategories(),
                newer || paper.comment() == null ? first(s.comment(), paper.comment()) : paper.comment(),
                first(paper.published(), s.published()),
                newer || paper.updated() == null ? first(s.updated(), paper.updated()) : paper.updated(),
                List.copyOf(links),
                paper.topics(),
                sources,
                aliases,
                CanonicalPaper.Change.UPDATED);
        return sameContent(paper, merged) ? null : merged;
    }

    private static boolean sameContent(CanonicalPaper a, CanonicalPaper b) {
        return a.withTopics(List.of()).equals(b.withTopics(List.of()).withChange(a.change()));
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
