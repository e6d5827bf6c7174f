package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Author watches through both matchers (the term index and the Lucene monitor alone) agree, survive
 * name order and initials, name the author that matched, and a full name stays precise. Author strings
 * are real ones: the OpenAlex fixture's "Juan Pablo Alperín", bioRxiv's "Colman-Lerner, A." and the
 * S2 fixture's "E. Duflo".
 */
class AuthorMatchTest {

    private static final List<Subscription> WATCHES = List.of(
            Subscription.ofQuery("lecun-initial", "authors:\"Y. LeCun\""),
            Subscription.ofQuery("lecun-full", "authors:\"Yann LeCun\""),
            Subscription.ofQuery("lecun-reversed", "authors:\"LeCun, Yann\""),
            Subscription.ofQuery("liu", "authors:\"Jingyuan Liu\""),
            Subscription.ofQuery("alperin", "authors:\"Alperin, J. P.\""),
            Subscription.ofQuery("colman-lerner", "authors:\"Alejandro Colman-Lerner\" OR authors:\"A. Colman-Lerner\""),
            Subscription.ofQuery("duflo", "authors:\"Duflo E\" AND abstract:poverty"),
            Subscription.ofQuery("words", "authors:lecun"));

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void authorWatchesSurviveNameOrderAndInitials(boolean termIndex) {
        try (SubscriptionMatcher matcher = matcher(termIndex)) {
            matcher.register(WATCHES);

            assertEquals(List.of("lecun-full", "lecun-initial", "lecun-reversed", "words"),
                    ids(matcher, paper("Yann LeCun")));
            assertEquals(List.of("lecun-full", "lecun-initial", "lecun-reversed", "words"),
                    ids(matcher, paper("LeCun, Yann")));
            assertEquals(List.of("lecun-initial", "words"), ids(matcher, paper("LeCun Y")),
                    "an initial is found by the initial; the full name stays precise");
            assertEquals(List.of("lecun-initial", "words"), ids(matcher, paper("Yoshua LeCun")));
            assertEquals(List.of(), ids(matcher, paper("Wei Jingyuan", "Liu Chen")));
            assertEquals(List.of("liu"), ids(matcher, paper("Wei Chen", "Jingyuan Liu")));
            assertEquals(List.of("alperin"), ids(matcher, paper("Heather Piwowar", "Juan Pablo Alperín")));
            assertEquals(List.of("colman-lerner"), ids(matcher, paper("Durrieu, L.", "Colman-Lerner, A.")));
            assertEquals(List.of("duflo"), ids(matcher, paper("E. Duflo", "A. Banerjee")));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theMatchNamesTheAuthorAsThePaperSpellsIt(boolean termIndex) {
        try (SubscriptionMatcher matcher = matcher(termIndex)) {
            matcher.register(WATCHES);
            MatchResult result = matcher.match(paper("Heather Piwowar", "Juan Pablo Alperín"));
            assertEquals(List.of("authors:Juan Pablo Alperín"), result.matches().get(0).terms());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOrcidWatchFindsThePaperOfThatAuthorWhateverTheirNameSays(boolean termIndex) {
        // Crossref's fixture gives Carl Boettiger's iD as http://orcid.org/0000-0002-1642-628X
        try (SubscriptionMatcher matcher = matcher(termIndex)) {
            matcher.register(List.of(Subscription.ofQuery("boettiger", "orcid:0000-0002-1642-628X"),
                    Subscription.ofQuery("boettiger-poverty", "orcid:0000-0002-1642-628x AND abstract:poverty")));
            CanonicalPaper withId = withOrcids(paper("C. Boettiger"), java.util.Map.of("C. Boettiger",
                    "http://orcid.org/0000-0002-1642-628X"));
            assertEquals(List.of("boettiger", "boettiger-poverty"), ids(matcher, withId));
            assertEquals(List.of(), ids(matcher, paper("Carl Boettiger")), "no iD given, no iD match");
        }
    }

    private static CanonicalPaper withOrcids(CanonicalPaper p, java.util.Map<String, String> orcids) {
        return new CanonicalPaper(p.id(), p.arxivId(), p.version(), p.doi(), p.title(), p.abstractText(), p.authors(),
                p.categories(), p.predictedCategories(), p.comment(), p.published(), p.updated(), p.links(), p.dois(),
                p.ids(), p.venue(), p.status(), p.topics(), p.sources(), p.aliases(), p.change(), orcids);
    }

    /** The ids of the subscriptions the paper matches, sorted (equal queries form one group, matched together). */
    private static List<String> ids(SubscriptionMatcher matcher, CanonicalPaper paper) {
        return matcher.match(paper).ids().stream().sorted().toList();
    }

    private static SubscriptionMatcher matcher(boolean termIndex) {
        return termIndex ? new SubscriptionMatcher(Set.of())
                : new SubscriptionMatcher(SubscriptionValidator.anyTopic(), MonitorBackend.defaultPresearcher(), false);
    }

    private static CanonicalPaper paper(String... authors) {
        return Papers.paper("A study", "We measure poverty and its causes.", List.of(authors), List.of());
    }
}
