package io.paperfeed.model;

import java.util.List;

/**
 * Why a like-subscription alerted a paper: its score against the subscription's profile, the threshold
 * it passed, which scorer made the score, and the liked (or positively rated) papers closest to it.
 *
 * @param score     the profile's score of the paper (a cosine similarity for {@code centroid})
 * @param threshold the score a paper needs ({@code minSimilarity} or the default)
 * @param scorer    {@code centroid} (similarity to the mean of the liked papers, moved by the ratings)
 *                  or {@code linear} (a per-subscription model trained on enough ratings)
 * @param closest   up to three liked papers, most similar first
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
