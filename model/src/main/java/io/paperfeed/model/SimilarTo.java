package io.paperfeed.model;

import java.util.List;

/**
 * Why a like-subscription alerted a paper: its score against the subscription's profile, the threshold
 * it passed, which scorer made the score, and the liked (or positively rated) papers closest to it.
 *
 * @param score     the profile's score of the paper: its model's estimated probability that the paper is wanted
 * @param threshold the score a paper needs (the subscription's {@code minSimilarity} or the calibrated default)
 * @param scorer    what made the score: {@code linear}, the subscription's logistic regression over embeddings
 *                  (liked and rated papers against a background of other papers)
 * @param closest   up to three liked (or positively rated) papers, by cosine similarity, most similar first
 */
public record SimilarTo(double score, double threshold, String scorer, List<Closest> closest) {

    public SimilarTo {
        Provenance.requireText(scorer, "scorer");
        closest = closest == null ? List.of() : List.copyOf(closest);
    }

    /** One liked paper and its cosine similarity to the alerted paper. */
    public record Closest(String paper, String title, double similarity) {
    }
}
