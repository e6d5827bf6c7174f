package io.paperfeed.model;

import java.util.List;

/**
 * A taxonomy topic assigned to a paper, with the score and the terms that matched: the reason a
 * subscriber got the paper.
 */
public record TopicMatch(String id, double score, List<String> terms) {

    public TopicMatch {
        Provenance.requireText(id, "id");
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
