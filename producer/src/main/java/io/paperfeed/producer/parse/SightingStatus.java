package io.paperfeed.producer.parse;

import io.paperfeed.model.PaperStatus;
import java.util.Locale;
import java.util.Set;

/**
 * The status a sighting gives its paper ({@link PaperStatus}), from what its source says: a status
 * given outright (paper-event JSON, Crossref's work type); a preprint that names the work it was
 * published as ({@code is-preprint-of}, bioRxiv's {@code published}); a journal's feed; an arXiv
 * record, which is a preprint unless it names a journal DOI or a journal-ref; a bioRxiv/medRxiv
 * version. Null when the source does not say.
 */
final class SightingStatus {

    /** Crossref work types of a published version; {@code posted-content} is a preprint. */
    private static final Set<String> PUBLISHED_TYPES = Set.of("journal-article", "proceedings-article",
            "book-chapter", "monograph", "book", "report", "dissertation");

    private SightingStatus() {
    }

    static PaperStatus of(String format, PaperDraft d, String arxivId, String doi, String venue) {
        String given = TextNormalizer.clean(d.status);
        if (given != null) {
            String g = given.toLowerCase(Locale.ROOT);
            if (g.equals("posted-content")) {
                return PaperStatus.PREPRINT;
            }
            if (PUBLISHED_TYPES.contains(g)) {
                return PaperStatus.PUBLISHED;
            }
            try {
                return PaperStatus.of(g);
            } catch (IllegalArgumentException e) {
                // a type that says nothing about status (dataset, component, …)
            }
        }
        if (d.relations.stream().anyMatch(r -> r.type().equals(io.paperfeed.model.Relation.IS_PREPRINT_OF))) {
            return PaperStatus.PUBLISHED;
        }
        if (format.equals(JournalFeedFormat.NAME)) {
            return PaperStatus.PUBLISHED;
        }
        if (arxivId != null) {
            boolean journalDoi = doi != null && Dois.arxivId(doi) == null;
            return journalDoi || venue != null ? PaperStatus.PUBLISHED : PaperStatus.PREPRINT;
        }
        return format.equals(BiorxivDetailsFormat.NAME) ? PaperStatus.PREPRINT : null;
    }
}
