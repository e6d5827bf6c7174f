package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The term index answers exactly as the Lucene monitor would: the same subscriptions, topics and terms
 * for every paper of a real arXiv day, over generated and hand-written subscriptions.
 */
class TermIndexEquivalenceTest {

    private static List<CanonicalPaper> papers;
    private static List<String> topicIds;

    @BeforeAll
    static void papers() throws Exception {
        papers = MatchingThroughput.classified(MatchingThroughput.read(resourceFolder()));
        topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
    }

    private static Path resourceFolder() throws URISyntaxException {
        return Path.of(TermIndexEquivalenceTest.class.getResource("/arxiv-daily-2025-04-08-300.jsonl.gz").toURI())
                .getParent();
    }

    @Test
    void theTermIndexAndTheMonitorAgreeOnEveryPaper() {
        List<Subscription> subscriptions = new ArrayList<>(MatchingThroughput.generate(papers, topicIds, 3_000,
                new Random(7)));
        subscriptions.addAll(handWritten());
        try (SubscriptionMatcher fast = new SubscriptionMatcher(Set.copyOf(topicIds));
             SubscriptionMatcher monitorOnly = new SubscriptionMatcher(new SubscriptionValidator(Set.copyOf(topicIds)),
                     MonitorBackend.defaultPresearcher(), false)) {
            assertTrue(fast.register(subscriptions).allRegistered());
            assertTrue(monitorOnly.register(subscriptions).allRegistered());
            assertTrue(fast.monitorQueryCount() <= 6, "only the hand-written NOT, prefix and sloppy queries stay in "
                    + "the monitor: " + fast.monitorQueryCount());
            assertEquals(subscriptions.size(), monitorOnly.monitorQueryCount());

            long matches = 0;
            for (CanonicalPaper paper : papers) {
                MatchResult expected = monitorOnly.match(paper);
                MatchResult actual = fast.match(paper);
                assertEquals(byId(expected), byId(actual), "paper " + paper.id() + " " + paper.title());
                matches += actual.matches().size();
            }
            assertTrue(matches > papers.size(), "the comparison covers many matches: " + matches);
        }
    }

    @Test
    void removingAndReplacingKeepsSharedPhrasesForTheOtherSubscriptions() {
        CanonicalPaper paper = papers.stream().filter(p -> p.title() != null && p.title().contains("Language Model"))
                .findFirst().orElseThrow();
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(Set.copyOf(topicIds))) {
            matcher.register(List.of(Subscription.ofQuery("a", "\"language model\""),
                    Subscription.ofQuery("b", "\"language model\"")));
            assertEquals(List.of("a", "b"), matcher.match(paper).ids());
            matcher.delete("a");
            assertEquals(List.of("b"), matcher.match(paper).ids());
            matcher.register(Subscription.ofQuery("b", "\"no such phrase anywhere\""));
            assertEquals(List.of(), matcher.match(paper).ids());
            matcher.register(Subscription.ofQuery("b", "\"language model\" AND NOT zzzz"));
            assertEquals(1, matcher.monitorQueryCount());
            assertEquals(List.of("b"), matcher.match(paper).ids());
        }
    }

    @Test
    void subscriptionsWithTheSameQueryAreCheckedOnceAsOneGroup() {
        CanonicalPaper paper = papers.stream().filter(p -> p.categories().contains("cs.LG")).findFirst().orElseThrow();
        List<Subscription> watches = new ArrayList<>();
        for (int i = 499; i >= 0; i--) {
            watches.add(Subscription.ofQuery(String.format("w-%03d", i), i % 2 == 0 ? "categories:cs.LG" : "categories:CS.LG"));
        }
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(Set.copyOf(topicIds))) {
            matcher.register(watches);
            MatchResult result = matcher.match(paper);
            assertEquals(500, result.matches().size());
            assertEquals(result.ids().stream().sorted().toList(), result.ids(), "one group, in id order");
            assertEquals(1, result.queriesRun(), "the group is checked once");
            assertEquals(List.of("categories:cs.LG"), result.matches().get(499).terms());
            matcher.delete("w-000");
            assertEquals(499, matcher.match(paper).matches().size());
        }
    }

    @Test
    void authorsAfterAValueWithoutWordsAreNamedAsTheMonitorNamesThem() {
        CanonicalPaper paper = Papers.paper("Title", "An abstract about caches.", List.of("†", "Ann Lee", "Bo Chen"),
                List.of("cs.LG"));
        Subscription bo = Subscription.ofQuery("bo", "authors:\"bo chen\"");
        try (SubscriptionMatcher fast = new SubscriptionMatcher(Set.copyOf(topicIds));
             SubscriptionMatcher monitorOnly = new SubscriptionMatcher(new SubscriptionValidator(Set.copyOf(topicIds)),
                     MonitorBackend.defaultPresearcher(), false)) {
            fast.register(bo);
            monitorOnly.register(bo);
            assertEquals(monitorOnly.match(paper).matches(), fast.match(paper).matches());
            assertEquals(List.of("authors:Bo Chen"), fast.match(paper).matches().get(0).terms());
        }
    }

    private static List<SubscriptionMatch> byId(MatchResult result) {
        return result.matches().stream().sorted(Comparator.comparing(SubscriptionMatch::subscriptionId)).toList();
    }

    /** Shapes the generator does not make: stop-word gaps, OR of phrases, nested AND, and monitor-only queries. */
    private static List<Subscription> handWritten() {
        String[] queries = {
            "\"learning of representations\"", "\"state of the art\"", "\"large language models\" OR diffusion",
            "(\"language model\" OR llm) AND (reasoning OR \"chain of thought\") AND categories:cs.CL",
            "title:transformer AND abstract:\"attention mechanism\"", "authors:zhang AND categories:cs.cv",
            "+\"reinforcement learning\" +topics:reinforcement-learning", "abstract:\"we propose\"^3",
            "\"language models\" AND NOT survey", "categories:cs.* AND \"neural network\"", "\"large model\"~2",
            "transform*", "graph OR \"neural network\" OR topics:graph-neural-networks",
            "+\"language model\" reasoning agent", "\"neural network\" AND categories:cs.LG; I.2.6",
            "+categories:cs.cv segmentation \"image generation\" topics:image-generation",
        };
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            subscriptions.add(Subscription.ofQuery("hand-" + i, queries[i]));
        }
        subscriptions.add(new Subscription("hand-topics", null, "\"language model\"", List.of("llm-reasoning",
                "agents-tool-use"), null, false, null));
        return subscriptions;
    }
}
