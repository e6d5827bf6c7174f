package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One paper a like-subscription is like: a paper paperfeed has seen, named by its canonical id
 * ({@code arxiv:2504.01234}, {@code content:…}) or arXiv id ({@code 2504.01234}), or an inline
 * title and abstract (typed in, or from an uploaded BibTeX / RIS / CSL-JSON library). In JSON a bare
 * string is a paper id. Once resolved (by the API or the subscriptions file loader) it carries the
 * embedding the profile is made of; the abstract is not kept after that.
 *
 * @param paper     the canonical id of a known paper, or null for an inline one
 * @param title     the paper's title (for explanations: {@code similarTo})
 * @param embedding its embedding, once resolved; a subscription on the topic has one for every item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LikeItem(String paper, String title, @JsonProperty("abstract") String abstractText,
                       PaperEmbedding embedding) {

    public LikeItem {
        paper = blankToNull(paper);
        title = blankToNull(title);
        abstractText = blankToNull(abstractText);
        if (paper == null && title == null && abstractText == null) {
            throw new IllegalArgumentException("a liked paper needs a paper id, or a title and abstract");
        }
    }

    /** A paper named by its id. */
    public static LikeItem ofPaper(String paper) {
        return new LikeItem(paper, null, null, null);
    }

    /** An inline paper. */
    public static LikeItem inline(String title, String abstractText) {
        return new LikeItem(null, title, abstractText, null);
    }

    /** From JSON: a string is a paper id; an object has {@code paper}, {@code title}, {@code abstract}, {@code embedding}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static LikeItem fromJson(JsonNode node) {
        if (node.isTextual()) {
            return ofPaper(node.asText());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a liked paper is a paper id (a string) or an object with a title "
                    + "and abstract, not " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode e = node.path("embedding");
        PaperEmbedding embedding = e.isObject() ? new PaperEmbedding(text(e, "model"), text(e, "vector")) : null;
        return new LikeItem(text(node, "paper"), text(node, "title"), text(node, "abstract"), embedding);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("a liked paper's " + field + " is a string");
        }
        return value.asText();
    }

    /** Whether it has its embedding. */
    public boolean resolved() {
        return embedding != null;
    }

    /** How explanations name it: the paper id, else its title. */
    public String label() {
        return paper != null ? paper : title != null ? title : abstractText.substring(0, Math.min(60, abstractText.length()));
    }

    /** This item resolved: its id (if any), its title, its embedding; the abstract dropped. */
    public LikeItem resolvedAs(String paperId, String paperTitle, PaperEmbedding paperEmbedding) {
        return new LikeItem(paperId, paperTitle != null ? paperTitle : title,
                paperId == null && paperTitle == null && title == null ? abstractText : null, paperEmbedding);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
