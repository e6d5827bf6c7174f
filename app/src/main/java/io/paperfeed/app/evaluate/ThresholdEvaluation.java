package io.paperfeed.app.evaluate;

import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.DefaultThreshold;
import io.paperfeed.subscriptions.profile.Profile;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default threshold, calibrated on the training days alone (five liked papers of 04-01..10, the
 * papers of 04-11..20 as the stream), then the alerts a like-subscription of five papers sends over the
 * unseen test days at that threshold: precision and recall per field. The default is a share of the
 * background ({@link DefaultThreshold}), the one with the highest mean precision over the profiles (a
 * profile that alerts nothing counts as precision 0): an alert should mostly be what the reader wants.
 * Fixed scores are swept beside it for comparison.
 */
final class ThresholdEvaluation {

    /** Precision, recall and F1 of one profile's alerts. */
    record Outcome(double precision, double recall, int alerted) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private final Background background;
    private final ProfileSettings settings;
    private final Set<String> backgroundIds;
    /** Each draw's profile, trained once (per stream of candidates). */
    private final Map<LikeEvaluation.Draw, Profile> profiles = new java.util.HashMap<>();

    ThresholdEvaluation(Background background, Set<String> backgroundIds, ProfileSettings settings) {
        this.background = background;
        this.backgroundIds = backgroundIds;
        this.settings = settings;
    }

    /** The background shares swept: from the 2nd to the 50th of 1,000 background papers. */
    static final double[] SHARES = {0.002, 0.003, 0.005, 0.008, 0.01, 0.015, 0.02, 0.03, 0.05};

    /** @return the chosen share of the background */
    double calibrate(PrintStream out, List<EvalPaper> training, int drawsPerField, long seed) {
        List<EvalPaper> early = training.stream().filter(p -> p.day().compareTo("2025-04-10") <= 0).toList();
        List<EvalPaper> stream = training.stream().filter(p -> p.day().compareTo("2025-04-10") > 0)
                .filter(p -> !backgroundIds.contains(p.id())).toList();
        List<LikeEvaluation.Draw> draws = LikeEvaluation.draws(early, drawsPerField, seed);
        out.printf(Locale.ROOT, "%ndefault threshold, calibrated on the training days only (%d profiles of five papers "
                + "of 04-01..10 over the %d papers of 04-11..20 outside the background; the highest mean precision):%n",
                draws.size(), stream.size());
        double best = SHARES[0];
        double bestPrecision = -1;
        Map<Double, Outcome> sweep = new LinkedHashMap<>();
        for (double share : SHARES) {
            Outcome mean = mean(draws, d -> outcome(d, stream, threshold(d, share)));
            sweep.put(share, mean);
            if (mean.precision() > bestPrecision) {
                bestPrecision = mean.precision();
                best = share;
            }
        }
        for (Map.Entry<Double, Outcome> e : sweep.entrySet()) {
            Outcome o = e.getValue();
            out.printf(Locale.ROOT, "  top %.1f %% of the background   alerts %5.1f   precision %.3f   recall %.3f   F1 %.3f%s%n",
                    e.getKey() * 100, (double) o.alerted() / 10, o.precision(), o.recall(), o.f1(),
                    e.getKey() == best ? "   <- chosen" : "");
        }
        for (double score : new double[] {0.2, 0.4, 0.6, 0.8}) {
            Outcome o = mean(draws, d -> outcome(d, stream, score));
            out.printf(Locale.ROOT, "  (a fixed score >= %.1f         alerts %5.1f   precision %.3f   recall %.3f   F1 %.3f)%n",
                    score, (double) o.alerted() / 10, o.precision(), o.recall(), o.f1());
        }
        return best;
    }

    /** The mean outcome over the draws; {@code alerted} is ten times the mean count, for one decimal. */
    private static Outcome mean(List<LikeEvaluation.Draw> draws, java.util.function.Function<LikeEvaluation.Draw, Outcome> of) {
        double p = 0;
        double r = 0;
        double alerted = 0;
        for (LikeEvaluation.Draw d : draws) {
            Outcome o = of.apply(d);
            p += o.precision() / draws.size();
            r += o.recall() / draws.size();
            alerted += (double) o.alerted() / draws.size();
        }
        return new Outcome(p, r, (int) Math.round(alerted * 10));
    }

    private double threshold(LikeEvaluation.Draw draw, double share) {
        return DefaultThreshold.of(profile(draw)::score, background, share);
    }

    void report(PrintStream out, List<EvalPaper> training, List<EvalPaper> test, double share, int drawsPerField,
                long seed) {
        List<LikeEvaluation.Draw> draws = LikeEvaluation.draws(training, drawsPerField, seed);
        out.printf(Locale.ROOT, "%nlike-subscriptions of five papers over the %d unseen test papers, each at the score of "
                + "the top %.1f %% of the background:%n", test.size(), share * 100);
        Map<String, double[]> byField = new LinkedHashMap<>();
        for (LikeEvaluation.Draw draw : draws) {
            Outcome o = outcome(draw, test, threshold(draw, share));
            double[] sum = byField.computeIfAbsent(draw.field(), f -> new double[4]);
            sum[0] += o.precision();
            sum[1] += o.recall();
            sum[2] += o.alerted();
            sum[3] += 1;
        }
        double p = 0;
        double r = 0;
        for (Map.Entry<String, double[]> e : byField.entrySet()) {
            double[] s = e.getValue();
            long inField = test.stream().filter(x -> x.in(e.getKey())).count();
            out.printf(Locale.ROOT, "  %-8s %3d test papers in the field   alerts %5.1f   precision %.3f   recall %.3f%n",
                    e.getKey(), inField, s[2] / s[3], s[0] / s[3], s[1] / s[3]);
            p += s[0] / s[3] / byField.size();
            r += s[1] / s[3] / byField.size();
        }
        out.printf(Locale.ROOT, "  mean over fields   precision %.3f   recall %.3f%n", p, r);
    }

    private Profile profile(LikeEvaluation.Draw draw) {
        return profiles.computeIfAbsent(draw, d -> ProfileRanker.profile(d.liked(), List.of(), background, settings));
    }

    private Outcome outcome(LikeEvaluation.Draw draw, List<EvalPaper> stream, double threshold) {
        Profile profile = profile(draw);
        Set<String> liked = new HashSet<>(draw.liked().stream().map(EvalPaper::id).toList());
        int alerted = 0;
        int hits = 0;
        int relevant = 0;
        for (EvalPaper p : stream) {
            if (liked.contains(p.id())) {
                continue;
            }
            boolean in = p.in(draw.field());
            relevant += in ? 1 : 0;
            if (profile.score(p.vector()) >= threshold) {
                alerted++;
                hits += in ? 1 : 0;
            }
        }
        return new Outcome(alerted == 0 ? 0 : (double) hits / alerted, relevant == 0 ? 0 : (double) hits / relevant,
                alerted);
    }
}
