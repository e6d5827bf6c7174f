package io.paperfeed.app.evaluate;

import java.util.List;

/** Scores candidate papers for a reader who liked some papers and rated others (higher: more wanted). */
interface Ranker {

    /** A paper the reader rated: wanted or not. */
    record Rated(EvalPaper paper, boolean positive) {
    }

    String name();

    double[] scores(List<EvalPaper> liked, List<Rated> ratings, List<EvalPaper> candidates);
}
