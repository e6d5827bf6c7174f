package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.profile.ArxivSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Like-subscriptions in the matcher: alone, combined with a query (AND), and taught by ratings. */
class LikeMatchingTest {

    private final SubscriptionMatcher matcher = new SubscriptionMatcher();
    private final List<ArxivSlice.Paper> nlp = ArxivSlice.only("cs.CL");
    private final List<ArxivSlice.Paper> vision = ArxivSlice.only("cs.CV");

    @AfterEach
    void close() {
        matcher.close();
    }

    private Subscription likeOf(String id, List<ArxivSlice.Paper> papers) {
        return Subscription.ofLike(id, papers.stream()
                .map(p -> new LikeItem("arxiv:" + p.id(), p.title(), null, p.embedding())).toList());
    }

    private static CanonicalPaper paper(ArxivSlice.Paper p) {
        return Papers.paper(p.title(), p.abstractText(), List.of(), p.categories()).withEmbedding(p.embedding());
    }

    /** A paper of the field the profile gives a high score, and one of another field. */
    private ArxivSlice.Paper best(Subscription s, List<ArxivSlice.Paper> candidates) {
        matcher.register(s);
        return candidates.stream().filter(p -> !matcher.match(paper(p)).ids().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void aLikeSubscriptionAlertsPapersLikeItsOwnAndSaysWhy() {
        Subscription s = likeOf("nlp-like", nlp.subList(0, 5));
        matcher.register(s);
        assertTrue(matcher.hasProfiles());
        long alerted = nlp.subList(5, nlp.size()).stream().filter(p -> matcher.match(paper(p)).ids().contains("nlp-like")).count();
        long wrong = vision.stream().filter(p -> matcher.match(paper(p)).ids().contains("nlp-like")).count();
        assertTrue(alerted > 2 * wrong, "cs.CL alerted " + alerted + ", cs.CV alerted " + wrong);
        ArxivSlice.Paper hit = best(s, nlp.subList(5, nlp.size()));
        SubscriptionMatch m = matcher.match(paper(hit)).matches().get(0);
        assertNotNull(m.similarTo());
        assertTrue(m.similarTo().score() >= m.similarTo().threshold());
        assertEquals(3, m.similarTo().closest().size());
        assertTrue(m.similarTo().closest().get(0).paper().startsWith("arxiv:"));
    }

    @Test
    void aPaperWithoutAnEmbeddingMatchesNoProfile() {
        matcher.register(likeOf("nlp-like", nlp.subList(0, 5)));
        assertTrue(matcher.match(paper(nlp.get(0)).withEmbedding(null)).ids().isEmpty());
    }

    @Test
    void aQueryAndALikeListMustBothMatch() {
        Subscription likeOnly = likeOf("x", nlp.subList(0, 5));
        ArxivSlice.Paper hit = best(likeOnly, nlp.subList(5, nlp.size()));
        String word = hit.title().split("\\s+")[0].replaceAll("[^A-Za-z]", "");
        Subscription both = new Subscription("both", null, "title:" + word, List.of(), null, false, List.of(), false, null,
                null, likeOnly.like(), null);
        Subscription queryOnly = Subscription.ofQuery("query", "title:" + word);
        matcher.register(both);
        matcher.register(queryOnly);
        List<String> ids = matcher.match(paper(hit)).ids();
        assertTrue(ids.contains("both") && ids.contains("query"), ids.toString());
        Subscription strict = new Subscription("both", null, "title:" + word, List.of(), null, false, List.of(), false,
                null, null, likeOnly.like(), 0.9999);
        matcher.register(strict);
        List<String> after = matcher.match(paper(hit)).ids();
        assertFalse(after.contains("both"), "the profile says no: " + after);
        assertTrue(after.contains("query"));
        assertNull(matcher.match(paper(hit)).matches().stream().filter(m -> m.subscriptionId().equals("query"))
                .findFirst().orElseThrow().similarTo(), "no profile, no similarity");
    }

    @Test
    void ratingsTeachTheProfileAndATombstoneWithdrawsThem() {
        Subscription likeOnly = likeOf("nlp-like", nlp.subList(0, 5));
        ArxivSlice.Paper hit = best(likeOnly, nlp.subList(5, nlp.size()));
        double before = matcher.match(paper(hit)).matches().get(0).similarTo().score();
        // the subscription asks for just the hit's score, so a rating that lowers the score tips it over
        Subscription s = new Subscription("nlp-like", null, null, List.of(), null, false, List.of(), false, null, null,
                likeOnly.like(), before - 0.0005);
        matcher.register(s);
        assertTrue(matcher.match(paper(hit)).ids().contains("nlp-like"));
        Rating no = new Rating("nlp-like", "arxiv:" + hit.id(), -1, hit.title(), hit.embedding(), Instant.EPOCH);
        matcher.applyRating(no.key(), no);
        matcher.applyRating(no.key(), no); // the same rating again changes nothing
        assertFalse(matcher.match(paper(hit)).ids().contains("nlp-like"), "rated 'not this': no longer alerted");
        matcher.applyRating(no.key(), null);
        assertTrue(matcher.match(paper(hit)).ids().contains("nlp-like"), "the rating withdrawn");
        assertEquals(before, matcher.match(paper(hit)).matches().get(0).similarTo().score(), 1e-9);
    }

    @Test
    void ratingsGiveAQuerySubscriptionAProfileOnceOneIsPositive() {
        ArxivSlice.Paper liked = nlp.get(0);
        Subscription q = Subscription.ofQuery("q", "abstract:model OR abstract:models OR abstract:language");
        matcher.register(q);
        Rating no = new Rating("q", "arxiv:" + vision.get(0).id(), -1, null, vision.get(0).embedding(), Instant.EPOCH);
        matcher.applyRating(no.key(), no);
        assertFalse(matcher.hasProfiles(), "negatives alone make no profile");
        Rating yes = new Rating("q", "arxiv:" + liked.id(), 1, liked.title(), liked.embedding(), Instant.EPOCH);
        matcher.applyRating(yes.key(), yes);
        assertTrue(matcher.hasProfiles());
        SubscriptionMatch m = matcher.match(paper(liked)).matches().get(0);
        assertEquals("arxiv:" + liked.id(), m.similarTo().closest().get(0).paper());
    }

    @Test
    void ratingsBeforeTheirSubscriptionWaitForIt() {
        ArxivSlice.Paper liked = nlp.get(0);
        Rating yes = new Rating("later", "arxiv:" + liked.id(), 1, liked.title(), liked.embedding(), Instant.EPOCH);
        matcher.applyRating(yes.key(), yes);
        assertFalse(matcher.hasProfiles());
        matcher.register(Subscription.ofQuery("later", "abstract:language"));
        assertTrue(matcher.hasProfiles());
        matcher.delete("later");
        assertFalse(matcher.hasProfiles());
    }
}
