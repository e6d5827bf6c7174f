package io.paperfeed.subscriptions.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.SimilarTo;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile of a like-subscription on real papers, embedded with the shipped model. */
class ProfileTest {

    private static final ProfileSettings SETTINGS = ProfileSettings.defaults();

    private static List<Example> liked(List<ArxivSlice.Paper> papers) {
        return papers.stream().map(p -> new Example("arxiv:" + p.id(), p.title(), p.vector(), true)).toList();
    }

    private static Example rated(ArxivSlice.Paper p, boolean positive) {
        return new Example("arxiv:" + p.id(), p.title(), p.vector(), positive);
    }

    @Test
    void fivePapersOfAFieldRankItsOtherPapersFirst() {
        List<ArxivSlice.Paper> nlp = ArxivSlice.only("cs.CL");
        Profile profile = Profile.of(liked(nlp.subList(0, 5)), List.of(), null, Background.shipped(), SETTINGS);
        List<ArxivSlice.Paper> unseen = ArxivSlice.papers().stream()
                .filter(p -> nlp.subList(0, 5).stream().noneMatch(l -> l.id().equals(p.id()))).toList();
        List<ArxivSlice.Paper> top = unseen.stream()
                .sorted(Comparator.comparingDouble((ArxivSlice.Paper p) -> -profile.score(p.vector()))).limit(10).toList();
        long inField = top.stream().filter(p -> p.categories().contains("cs.CL")).count();
        assertTrue(inField >= 8, "top 10 in cs.CL: " + inField + " " + top.stream().map(ArxivSlice.Paper::title).toList());
        double vision = ArxivSlice.only("cs.CV").stream().mapToDouble(p -> profile.score(p.vector())).average().orElseThrow();
        double language = nlp.subList(5, nlp.size()).stream().mapToDouble(p -> profile.score(p.vector())).average()
                .orElseThrow();
        assertTrue(language > vision + 0.1, "cs.CL " + language + ", cs.CV " + vision);
    }

    @Test
    void aNegativeRatingLowersThePaperAndAPositiveOneRaisesIt() {
        List<ArxivSlice.Paper> nlp = ArxivSlice.only("cs.CL");
        ArxivSlice.Paper candidate = nlp.get(7);
        double before = Profile.of(liked(nlp.subList(0, 5)), List.of(), null, Background.shipped(), SETTINGS)
                .score(candidate.vector());
        double down = Profile.of(liked(nlp.subList(0, 5)), List.of(rated(candidate, false)), null, Background.shipped(),
                SETTINGS).score(candidate.vector());
        double up = Profile.of(liked(nlp.subList(0, 5)), List.of(rated(candidate, true)), null, Background.shipped(),
                SETTINGS).score(candidate.vector());
        assertTrue(down < before && before < up, down + " < " + before + " < " + up);
    }

    @Test
    void theExplanationNamesTheClosestLikedPapersAndTheThreshold() {
        List<ArxivSlice.Paper> nlp = ArxivSlice.only("cs.CL");
        Profile profile = Profile.of(liked(nlp.subList(0, 5)), List.of(), 0.7, Background.shipped(), SETTINGS);
        float[] x = nlp.get(0).vector();
        SimilarTo why = profile.explain(x, profile.score(x));
        assertEquals(3, why.closest().size());
        assertEquals("arxiv:" + nlp.get(0).id(), why.closest().get(0).paper(), "a liked paper is closest to itself");
        assertEquals(1.0, why.closest().get(0).similarity(), 0.01);
        assertTrue(why.closest().get(1).similarity() >= why.closest().get(2).similarity());
        assertEquals(0.7, why.threshold(), "minSimilarity overrides the default");
        assertEquals("linear", why.scorer());
    }

    @Test
    void withoutMinSimilarityTheTopOnePercentOfTheBackgroundPasses() {
        List<ArxivSlice.Paper> nlp = ArxivSlice.only("cs.CL");
        Profile profile = Profile.of(liked(nlp.subList(0, 5)), List.of(), null, Background.shipped(), SETTINGS);
        long passing = Background.shipped().vectors().stream().filter(v -> profile.passes(profile.score(v))).count();
        assertEquals(10, passing, "1 % of the 1,000 background papers, at threshold " + profile.threshold());
        float[] x = nlp.get(0).vector();
        assertEquals(Math.round(profile.threshold() * 1000) / 1000.0, profile.explain(x, profile.score(x)).threshold(),
                "explained to three places, as the score is");
        List<ArxivSlice.Paper> vision = ArxivSlice.only("cs.CV");
        Profile ofVision = Profile.of(liked(vision.subList(0, 5)), List.of(), null, Background.shipped(), SETTINGS);
        assertTrue(Math.abs(ofVision.threshold() - profile.threshold()) > 1e-6,
                "each profile has its own default: cs.CL " + profile.threshold() + ", cs.CV " + ofVision.threshold());
    }

    @Test
    void aProfileNeedsAPositivePaperOfOneSize() {
        ArxivSlice.Paper p = ArxivSlice.papers().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> Profile.of(List.of(), List.of(rated(p, false)), null, Background.shipped(), SETTINGS));
        assertThrows(IllegalArgumentException.class, () -> Profile.of(
                List.of(new Example(null, "x", new float[] {1f, 0f}, true)), List.of(), null, Background.shipped(), SETTINGS));
    }

    @Test
    void theShippedBackgroundIsAThousandPapersOfTheShippedModel() {
        assertEquals(1000, Background.shipped().vectors().size());
        assertEquals("all-minilm-l6-v2-q", Background.shipped().model());
        assertEquals(384, Background.shipped().vectors().get(0).length);
    }
}
