package io.paperfeed.app.evaluate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * "Papers like these five", over papers the profile has never seen. Labels: a paper belongs to a field
 * when arXiv lists it in that category (chosen by its authors and arXiv's moderators, independent of every
 * method compared). Profiles: five papers whose primary category is the field, drawn at random from the
 * training days; candidates: every paper of the held-out days. Each ranker is scored by precision@10 and
 * nDCG@10; feedback adds N ratings, each system rating the top papers it would itself show from the
 * training days' other papers (+1 when in the field, -1 otherwise), five at a time.
 */
final class LikeEvaluation {

    static final List<String> FIELDS = List.of("eess.IV", "cs.RO", "cs.IR", "cs.HC", "cs.CY", "cs.GR", "cs.CR",
            "eess.AS", "cs.SD", "cs.SE");
    static final int LIKED = 5;
    static final int K = 10;

    /** One profile to evaluate: a field and the five liked papers drawn for it. */
    record Draw(String field, List<EvalPaper> liked) {
    }

    /** The mean precision@10 and nDCG@10 of one ranker. */
    record Score(double precision, double ndcg) {
    }

    private final List<EvalPaper> training;
    private final List<EvalPaper> test;
    private final List<Draw> draws;

    LikeEvaluation(List<EvalPaper> training, List<EvalPaper> test, int drawsPerField, long seed) {
        this.training = training;
        this.test = test;
        this.draws = draws(training, drawsPerField, seed);
    }

    List<Draw> draws() {
        return draws;
    }

    static List<Draw> draws(List<EvalPaper> pool, int drawsPerField, long seed) {
        List<Draw> draws = new ArrayList<>();
        for (String field : FIELDS) {
            List<EvalPaper> primaries = pool.stream().filter(p -> p.primary().equals(field)).toList();
            Random random = new Random(seed + field.hashCode());
            for (int d = 0; d < drawsPerField && primaries.size() >= LIKED; d++) {
                List<EvalPaper> shuffled = new ArrayList<>(primaries);
                java.util.Collections.shuffle(shuffled, random);
                draws.add(new Draw(field, List.copyOf(shuffled.subList(0, LIKED))));
            }
        }
        return draws;
    }

    /** The ranker's mean scores over every draw, after {@code ratings} simulated ratings (0: the likes alone). */
    Score evaluate(Ranker ranker, int ratings) {
        double p = 0;
        double n = 0;
        for (Draw draw : draws) {
            List<Ranker.Rated> rated = ratings == 0 ? List.of() : simulateRatings(ranker, draw, ratings);
            double[] scores = ranker.scores(draw.liked(), rated, test);
            List<Boolean> ranked = ranked(test, scores, draw.field());
            int relevant = (int) test.stream().filter(x -> x.in(draw.field())).count();
            p += RankMetrics.precisionAt(K, ranked);
            n += RankMetrics.ndcgAt(K, ranked, relevant);
        }
        return new Score(p / draws.size(), n / draws.size());
    }

    /** The reader rates, five at a time, the top unrated papers the ranker would show from the training days. */
    private List<Ranker.Rated> simulateRatings(Ranker ranker, Draw draw, int count) {
        Set<String> liked = new HashSet<>(draw.liked().stream().map(EvalPaper::id).toList());
        List<EvalPaper> pool = training.stream().filter(p -> !liked.contains(p.id())).toList();
        List<Ranker.Rated> rated = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (rated.size() < count) {
            double[] scores = ranker.scores(draw.liked(), rated, pool);
            List<Integer> order = order(scores);
            int added = 0;
            for (int i : order) {
                EvalPaper p = pool.get(i);
                if (added == 5 || rated.size() == count) {
                    break;
                }
                if (done.add(p.id())) {
                    rated.add(new Ranker.Rated(p, p.in(draw.field())));
                    added++;
                }
            }
        }
        return rated;
    }

    static List<Boolean> ranked(List<EvalPaper> candidates, double[] scores, String field) {
        return order(scores).stream().map(i -> candidates.get(i).in(field)).toList();
    }

    static List<Integer> order(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i)).toList();
    }

    static void print(PrintStream out, String name, Score s) {
        out.printf(Locale.ROOT, "  %-44s P@10 %.3f   nDCG@10 %.3f%n", name, s.precision(), s.ndcg());
    }
}
