package io.paperfeed.model;

import java.util.Locale;

/**
 * A relation of a sighting's work to another work, as Crossref names them: {@code has-preprint},
 * {@code is-preprint-of}, {@code has-review}, … (bioRxiv's journal DOI, its {@code published} field,
 * is an {@code is-preprint-of}).
 *
 * @param type   the relation type
 * @param idType the scheme of the related id ({@code doi}, {@code uri}, …), or null
 * @param id     the related work's id
 */
public record Relation(String type, String idType, String id) {

    /** The work is the preprint of the related one. */
    public static final String IS_PREPRINT_OF = "is-preprint-of";
    /** The related work is a preprint of this one. */
    public static final String HAS_PREPRINT = "has-preprint";

    public Relation {
        Provenance.requireText(type, "relation type");
        Provenance.requireText(id, "relation id");
    }

    /**
     * Whether the related work is the same paper in another form (its preprint or its publication), so
     * its DOI is one of this paper's DOIs; other relations (reviews, references, …) name other works.
     */
    public boolean isSamePaper() {
        return type.equals(IS_PREPRINT_OF) || type.equals(HAS_PREPRINT);
    }

    /** The related DOI of a same-paper relation whose id is a DOI (id type {@code doi}, or a {@code 10.} id), else null. */
    public String samePaperDoi() {
        if (!isSamePaper()) {
            return null;
        }
        boolean doi = idType == null ? id.startsWith("10.") : idType.toLowerCase(Locale.ROOT).equals("doi");
        return doi ? id : null;
    }
}
