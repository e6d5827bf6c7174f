package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compact registry (subscriptions held as their group, registered in chunks, queries compiled once
 * per batch) and the grouped results (topics as bits, groups ordered by a key of their first id) answer
 * as the monitor alone does, on a slice of the benchmark's own subscriptions, and the same whether a
 * batch is registered at once or one by one with replacements and deletions on the way.
 */
class CompactMatchingEquivalenceTest {

    private static List<CanonicalPaper> papers;
    private static List<String> topicIds;

    @BeforeAll
    static void papers() throws Exception {
        Path folder = Path.of(CompactMatchingEquivalenceTest.class.getResource("/arxiv-daily-2025-04-08-300.jsonl.gz")
                .toURI()).getParent();
        papers = MatchingThroughput.classified(MatchingThroughput.read(folder));
        topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).toList();
    }

    @Test
    void aSliceOfTheBenchmarkMatchesAsTheMonitorAloneDoes() {
        // more subscriptions than a chunk, many sharing a query: chunks, shared compilations and big groups
        List<Subscription> slice = MatchingThroughput.generate(papers, topicIds, SubscriptionRegistry.CHUNK + 1_000,
                new Random(42));
        try (SubscriptionMatcher fast = new SubscriptionMatcher(Set.copyOf(topicIds));
             SubscriptionMatcher monitorOnly = new SubscriptionMatcher(new SubscriptionValidator(Set.copyOf(topicIds)),
                     MonitorBackend.defaultPresearcher(), false)) {
            assertTrue(fast.register(slice).allRegistered());
            assertTrue(monitorOnly.register(slice).allRegistered());
            long matches = 0;
            for (CanonicalPaper paper : papers) {
                MatchResult actual = fast.match(paper);
                assertEquals(byId(monitorOnly.match(paper)), byId(actual), "paper " + paper.id());
                assertInOrder(actual);
                matches += actual.size();
            }
            assertTrue(matches > 10 * papers.size(), "the comparison covers many matches: " + matches);
        }
    }

    @Test
    void aBatchAtOnceAndOneByOneWithChangesOnTheWayMatchTheSame() {
        List<Subscription> slice = MatchingThroughput.generate(papers, topicIds, 5_000, new Random(3));
        try (SubscriptionMatcher bulk = new SubscriptionMatcher(Set.copyOf(topicIds));
             SubscriptionMatcher single = new SubscriptionMatcher(Set.copyOf(topicIds))) {
            bulk.register(slice);
            for (int i = 0; i < slice.size(); i++) {
                Subscription s = slice.get(i);
                if (i % 7 == 0) { // first something else (another group, or the monitor), then the real one
                    single.register(Subscription.ofQuery(s.id(), i % 2 == 0 ? "categories:cs.LG" : "svd AND NOT gan"));
                }
                if (i % 11 == 0) {
                    single.register(s);
                    single.delete(s.id());
                }
                single.register(s);
            }
            assertEquals(bulk.queryCount(), single.queryCount());
            assertEquals(0, single.monitorQueryCount(), "every move out of the monitor deleted its query");
            for (CanonicalPaper paper : papers) {
                assertEquals(bulk.match(paper).matches(), single.match(paper).matches(), "paper " + paper.id());
            }
        }
    }

    @Test
    void moreTopicsThanBitsAreNamedOneByOne() {
        List<Subscription> watches = new ArrayList<>();
        for (int t = 0; t < 80; t++) {
            watches.add(Subscription.ofTopics("w-" + t, List.of("topic-" + t, "topic-" + (t + 1) % 80)));
        }
        CanonicalPaper paper = Papers.xkv().withTopics(List.of(new TopicMatch("topic-79", 1, List.of()),
                new TopicMatch("topic-3", 1, List.of()), new TopicMatch("topic-70", 1, List.of())));
        try (SubscriptionMatcher matcher = new SubscriptionMatcher()) {
            matcher.register(watches);
            MatchResult result = matcher.match(paper);
            // topic-0 to topic-62 have bits (w-2, w-3), the later ones not (w-62 on)
            assertEquals(List.of("w-2", "w-3", "w-69", "w-70", "w-78", "w-79"), result.ids());
            assertEquals(List.of("topic-3"), result.matches().get(0).topics());
            assertEquals(List.of("topic-3"), result.matches().get(1).topics());
            assertEquals(List.of("topic-70"), result.matches().get(2).topics());
            assertEquals(List.of("topic-79"), result.matches().get(5).topics(), "w-79: topic-79 or topic-0");
        }
    }

    private static void assertInOrder(MatchResult result) {
        List<String> firsts = result.groups().stream().map(g -> g.subscriptionIds().get(0)).toList();
        assertEquals(firsts.stream().sorted().toList(), firsts, "groups by their first id");
        for (MatchResult.Group g : result.groups()) {
            assertEquals(g.subscriptionIds().stream().sorted().toList(), g.subscriptionIds(), "ids in order");
        }
    }

    private static List<SubscriptionMatch> byId(MatchResult result) {
        return result.matches().stream().sorted(Comparator.comparing(SubscriptionMatch::subscriptionId)).toList();
    }
}
