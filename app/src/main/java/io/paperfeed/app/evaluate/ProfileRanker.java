package io.paperfeed.app.evaluate;

import io.paperfeed.subscriptions.profile.Background;
import io.paperfeed.subscriptions.profile.Example;
import io.paperfeed.subscriptions.profile.Profile;
import io.paperfeed.subscriptions.profile.ProfileSettings;
import java.util.List;

/** paperfeed's like-subscription profile (the production {@link Profile}) over MiniLM embeddings. */
record ProfileRanker(String name, Background background, ProfileSettings settings) implements Ranker {

    @Override
    public double[] scores(List<EvalPaper> liked, List<Rated> ratings, List<EvalPaper> candidates) {
        Profile profile = profile(liked, ratings, background, settings);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = profile.score(candidates.get(i).vector());
        }
        return scores;
    }

    static Profile profile(List<EvalPaper> liked, List<Rated> ratings, Background background, ProfileSettings settings) {
        List<Example> likes = liked.stream().map(p -> new Example(p.id(), p.title(), p.vector(), true)).toList();
        List<Example> rated = ratings.stream()
                .map(r -> new Example(r.paper().id(), r.paper().title(), r.paper().vector(), r.positive())).toList();
        return Profile.of(likes, rated, null, background, settings);
    }
}
