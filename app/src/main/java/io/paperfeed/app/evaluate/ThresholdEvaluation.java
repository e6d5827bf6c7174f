package io.paperfeed.app.evaluate;

import io.paperfeed.subscriptions.profile.Background;
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
 * papers of 04-11..20 as the stream; the threshold with the best mean F1 over the profiles), then the
 * alerts a like-subscription of five papers sends over the unseen test days at that threshold:
 * precision and recall per field.
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

    double calibrate(PrintStream out, List<EvalPaper> training, int drawsPerField, long seed) {
        List<EvalPaper> early = training.stream().filter(p -> p.day().compareTo("2025-04-10") <= 0).toList();
        List<EvalPaper> stream = training.stream().filter(p -> p.day().compareTo("2025-04-10") > 0)
                .filter(p -> !backgroundIds.contains(p.id())).toList();
        List<LikeEvaluation.Draw> draws = LikeEvaluation.draws(early, drawsPerField, seed);
        double best = 0.5;
        double bestF1 = -1;
        Map<Double, double[]> sweep = new LinkedHashMap<>();
        for (int step = 1; step <= 19; step++) {
            double t = step / 20.0;
            double f1 = 0;
            double p = 0;
            double r = 0;
            for (LikeEvaluation.Draw draw : draws) {
                Outcome o = outcome(draw, stream, t);
                f1 += o.f1() / draws.size();
                p += o.precision() / draws.size();
                r += o.recall() / draws.size();
            }
            sweep.put(t, new double[] {p, r, f1});
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        out.printf(Locale.ROOT, "%ndefault threshold, calibrated on the training days only (%d profiles of five papers "
                + "of 04-01..10 over the %d papers of 04-11..20 outside the background):%n", draws.size(), stream.size());
        for (Map.Entry<Double, double[]> e : sweep.entrySet()) {
            if (Math.round(e.getKey() * 20) % 2 == 0 || e.getKey() == best) {
                out.printf(Locale.ROOT, "  score >= %.2f   precision %.3f   recall %.3f   F1 %.3f%s%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getKey() == best ? "   <- chosen" : "");
            }
        }
        return best;
    }

    void report(PrintStream out, List<EvalPaper> training, List<EvalPaper> test, double threshold, int drawsPerField,
                long seed) {
        List<LikeEvaluation.Draw> draws = LikeEvaluation.draws(training, drawsPerField, seed);
        out.printf(Locale.ROOT, "%nlike-subscriptions of five papers over the %d unseen test papers, score >= %.2f:%n",
                test.size(), threshold);
        Map<String, double[]> byField = new LinkedHashMap<>();
        for (LikeEvaluation.Draw draw : draws) {
            Outcome o = outcome(draw, test, threshold);
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

    private Outcome outcome(LikeEvaluation.Draw draw, List<EvalPaper> stream, double threshold) {
        Profile profile = profiles.computeIfAbsent(draw, d -> ProfileRanker.profile(d.liked(), List.of(), background,
                settings));
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
