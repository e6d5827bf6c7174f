package io.paperfeed.subscriptions.match;

import static io.paperfeed.subscriptions.match.Papers.paper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.TopicMatch;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicClassifier;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionMatcherTest {

    private static TopicClassifier classifier;
    private static Set<String> topicIds;
    private SubscriptionMatcher matcher;
    private SubscriptionTable table;

    @BeforeAll
    static void taxonomy() {
        classifier = new TopicClassifier(Taxonomy.defaults());
        topicIds = Taxonomy.defaults().topics().stream().map(TopicDefinition::id).collect(Collectors.toSet());
    }

    @AfterAll
    static void closeClassifier() {
        classifier.close();
    }

    @BeforeEach
    void open() {
        matcher = new SubscriptionMatcher(topicIds);
        table = new SubscriptionTable(new SubscriptionValidator(topicIds));
    }

    @AfterEach
    void close() {
        matcher.close();
    }

    private static CanonicalPaper classified(CanonicalPaper paper) {
        return paper.withTopics(classifier.classify(paper));
    }

    @Test
    void aKvCachePaperSaysWhichTopicsAndWordsMatched() {
        matcher.register(new Subscription("kv-watch", "KV cache", "abstract:\"kv cache\"", List.of("kv-cache"),
                null, false, null));
        CanonicalPaper xkv = classified(Papers.xkv());
        assertTrue(xkv.topics().stream().map(TopicMatch::id).toList().contains("kv-cache"), xkv.topics().toString());

        MatchResult result = matcher.match(xkv);

        assertEquals(List.of("kv-watch"), result.ids());
        SubscriptionMatch m = result.matches().get(0);
        assertEquals(List.of("kv-cache"), m.topics());
        assertTrue(m.terms().contains("kv-cache"), m.terms().toString());
        assertTrue(m.terms().stream().noneMatch(t -> t.contains("xkv")), "only abstract words: " + m.terms());
    }

    @Test
    void authorAndCategoryMatchesNameTheValue() {
        matcher.register(Subscription.ofQuery("liu", "authors:\"Jingyuan Liu\""));
        matcher.register(Subscription.ofQuery("cl", "categories:cs.CL"));
        matcher.register(Subscription.ofQuery("cl-svd", "svd AND categories:(cs.CL OR cs.CV) AND NOT categories:cs.LG"));

        MatchResult result = matcher.match(classified(Papers.xkv()));

        assertEquals(List.of("cl", "liu"), result.ids(), "cs.LG excludes cl-svd");
        assertEquals(List.of("authors:Jingyuan Liu"), result.matches().get(1).terms());
        assertEquals(List.of("categories:cs.CL"), result.matches().get(0).terms());
    }

    @Test
    void anAuthorPhraseDoesNotSpanTwoAuthors() {
        matcher.register(Subscription.ofQuery("liu", "authors:\"Jingyuan Liu\""));
        CanonicalPaper other = paper("A paper", "About something else entirely.", List.of("Wei Jingyuan", "Liu Chen"), List.of());
        assertEquals(List.of(), matcher.match(other).ids());
    }

    @Test
    void topicsAloneMatchAnyTopicAndQueryWithTopicsNeedsBoth() {
        matcher.register(Subscription.ofTopics("kv-or-rag", List.of("retrieval-rag", "kv-cache")));
        matcher.register(Subscription.ofTopics("rag-only", List.of("retrieval-rag")));
        matcher.register(new Subscription("svd-kv", null, "svd", List.of("kv-cache"), null, false, null));
        matcher.register(new Subscription("svd-rag", null, "svd", List.of("retrieval-rag"), null, false, null));
        matcher.register(new Subscription("gan-kv", null, "gan", List.of("kv-cache"), null, false, null));

        MatchResult result = matcher.match(classified(Papers.xkv()));

        assertEquals(List.of("kv-or-rag", "svd-kv"), result.ids());
        assertEquals(List.of("kv-cache"), result.matches().get(0).topics());
        assertEquals(List.of(), result.matches().get(0).terms());
        assertTrue(result.matches().get(1).terms().contains("svd"), result.matches().get(1).terms().toString());
    }

    @Test
    void registerReplaceAndDeleteById() {
        CanonicalPaper xkv = classified(Papers.xkv());
        matcher.register(Subscription.ofQuery("s", "svd"));
        assertEquals(List.of("s"), matcher.match(xkv).ids());

        matcher.register(Subscription.ofQuery("s", "diffusion"));
        assertEquals(1, matcher.queryCount());
        assertEquals(List.of(), matcher.match(xkv).ids());

        assertTrue(matcher.delete("s"));
        assertEquals(0, matcher.queryCount());
        assertFalse(matcher.contains("s"));
        assertEquals(Optional.empty(), matcher.mode("s"));
    }

    /** Applies a record of the subscriptions topic as the streams app does: through the table's rules. */
    private Optional<String> record(String key, Subscription value) {
        byte[] bytes = value == null ? null : PaperSerdes.SUBSCRIPTION.serialize("paperfeed.subscriptions", value);
        return matcher.apply(table.apply(key, bytes, "test"));
    }

    @Test
    void compactedTopicRecordsRegisterReplaceAndTombstonesDelete() {
        CanonicalPaper xkv = classified(Papers.xkv());
        assertEquals(Optional.empty(), record("s", Subscription.ofQuery("s", "svd")));
        assertEquals(List.of("s"), matcher.match(xkv).ids());

        Optional<String> refused = record("s", Subscription.ofQuery("s", "svd AND (title:"));
        assertTrue(refused.orElseThrow().contains("invalid query"), refused.toString());
        assertEquals(0, matcher.queryCount(), "a refused update removes the version it replaced");

        record("s", Subscription.ofQuery("s", "svd"));
        assertEquals(Optional.empty(), record("s", null));
        assertEquals(0, matcher.queryCount());
        assertTrue(record("t", Subscription.ofQuery("u", "svd")).orElseThrow().contains("is not the subscription's id"));
        assertEquals(0, matcher.queryCount());
    }

    @Test
    void oneBadSubscriptionInABatchDoesNotStopTheOthers() {
        Registration r = matcher.register(List.of(
                Subscription.ofQuery("good-1", "svd"),
                Subscription.ofQuery("bad", "\"kv cache AND (title:"),
                Subscription.ofTopics("unknown-topic", List.of("no-such-topic")),
                Subscription.ofTopics("good-2", List.of("kv-cache"))));

        assertEquals(List.of("good-1", "good-2"), r.registered());
        assertEquals(Set.of("bad", "unknown-topic"), r.rejected().keySet());
        assertTrue(r.rejected().get("bad").contains("invalid query"), r.rejected().toString());
        assertTrue(r.rejected().get("unknown-topic").contains("not in the taxonomy"), r.rejected().toString());
        assertEquals(2, matcher.queryCount());
        assertEquals(List.of("good-1", "good-2"), matcher.match(classified(Papers.xkv())).ids());
        assertThrows(IllegalArgumentException.class, () -> matcher.register(Subscription.ofQuery("x", "(")));
    }

    @Test
    void thePresearcherRunsOnlyQueriesThatCanMatch() {
        for (int i = 0; i < 200; i++) {
            matcher.register(Subscription.ofQuery("s" + i, "\"word" + i + " other" + i + "\" AND NOT gan"));
        }
        matcher.register(Subscription.ofQuery("svd", "svd AND NOT gan"));
        assertEquals(201, matcher.monitorQueryCount(), "NOT keeps them out of the term index");
        MatchResult result = matcher.match(classified(Papers.xkv()));
        assertEquals(201, result.queryCount());
        assertEquals(List.of("svd"), result.ids());
        assertTrue(result.queriesRun() < 5, "queries run: " + result.queriesRun());
    }

    @Test
    void topicAndCategoryOnlySubscriptionsAreAnsweredFromTheTermIndexWithTheSameWhy() {
        matcher.register(Subscription.ofTopics("kv-or-rag", List.of("retrieval-rag", "kv-cache")));
        matcher.register(Subscription.ofQuery("cl", "categories:CS.CL"));
        matcher.register(Subscription.ofQuery("cl-or-kv", "categories:cs.CL OR topics:kv-cache OR categories:cs.CV"));
        matcher.register(Subscription.ofQuery("cv", "categories:cs.CV"));
        matcher.register(Subscription.ofQuery("cs-prefix", "categories:cs.*"));
        assertEquals(1, matcher.monitorQueryCount(), "only the prefix query needs Lucene");
        assertEquals(5, matcher.queryCount());

        MatchResult result = matcher.match(classified(Papers.xkv()));

        assertEquals(List.of("cl", "cl-or-kv", "cs-prefix", "kv-or-rag"), result.ids());
        assertEquals(new SubscriptionMatch("cl", List.of(), List.of("categories:cs.CL")), result.matches().get(0));
        assertEquals(new SubscriptionMatch("cl-or-kv", List.of("kv-cache"), List.of("categories:cs.CL")),
                result.matches().get(1));
        assertEquals(new SubscriptionMatch("cs-prefix", List.of(), List.of("categories:cs.CL", "categories:cs.LG")),
                result.matches().get(2));
        assertEquals(new SubscriptionMatch("kv-or-rag", List.of("kv-cache"), List.of()), result.matches().get(3));
    }

    @Test
    void replacingMovesASubscriptionBetweenTheTermIndexAndTheMonitor() {
        CanonicalPaper xkv = classified(Papers.xkv());
        matcher.register(Subscription.ofTopics("s", List.of("kv-cache")));
        assertEquals(0, matcher.monitorQueryCount());
        assertEquals(List.of("s"), matcher.match(xkv).ids());

        matcher.register(Subscription.ofQuery("s", "diffusion AND NOT gan"));
        assertEquals(1, matcher.monitorQueryCount());
        assertEquals(List.of(), matcher.match(xkv).ids(), "the topic list is gone from the term index");

        matcher.register(Subscription.ofQuery("s", "categories:cs.CV"));
        assertEquals(0, matcher.monitorQueryCount(), "the word query is gone from the monitor");
        assertEquals(List.of(), matcher.match(xkv).ids());

        matcher.register(Subscription.ofQuery("s", "categories:cs.LG"));
        assertEquals(List.of("s"), matcher.match(xkv).ids());
        assertTrue(matcher.delete("s"));
        assertEquals(List.of(), matcher.match(xkv).ids());
        assertEquals(0, matcher.queryCount());
    }

    @Test
    void onlyMatchedQueriesWithWordsAreHighlightedAndPhrasesKeepTheirWords() {
        matcher.register(Subscription.ofQuery("phrase", "\"singular value decomposition\" AND categories:cs.LG"));
        matcher.register(Subscription.ofQuery("either", "gan OR \"memory consumption\""));
        matcher.register(Subscription.ofQuery("no", "\"value decomposition\" AND NOT svd"));

        MatchResult result = matcher.match(classified(Papers.xkv()));

        assertEquals(List.of("either", "phrase"), result.ids());
        assertEquals(List.of("memory consumption"), result.matches().get(0).terms());
        assertEquals(List.of("singular value decomposition", "categories:cs.LG"), result.matches().get(1).terms());
    }

    @Test
    void aDisabledSubscriptionIsTreatedLikeADeletedOne() {
        CanonicalPaper xkv = classified(Papers.xkv());
        Subscription words = Subscription.ofQuery("words", "svd");
        Subscription topics = Subscription.ofTopics("topics", List.of("kv-cache"));
        matcher.register(List.of(words, topics));
        assertEquals(List.of("topics", "words"), matcher.match(xkv).ids());

        assertEquals(Optional.empty(), record("words", words.disable("webhook answered 410 Gone")));
        Registration batch = matcher.register(List.of(topics.disable("webhook answered 410 Gone")));

        assertTrue(batch.allRegistered(), batch.toString());
        assertEquals(List.of(), matcher.match(xkv).ids());
        assertEquals(0, matcher.queryCount());
        assertEquals(0, matcher.monitorQueryCount());
        assertFalse(matcher.contains("words"));

        record("words", words);
        assertEquals(List.of("words"), matcher.match(xkv).ids(), "published enabled again, it matches again");
    }
}
