package io.paperfeed.subscriptions.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class SubscriptionQueryTest {

    @Test
    void topicsAloneMatchAnyListedTopic() {
        Query q = SubscriptionQuery.build(Subscription.ofTopics("t", List.of("kv-cache", "rag")));
        assertEquals("topics:kv-cache topics:rag", q.toString());
    }

    @Test
    void aQueryWithTopicsNeedsBoth() {
        Query q = SubscriptionQuery.build(new Subscription("both", null, "abstract:\"kv cache\"",
                List.of("kv-cache", "long-context"), null, false, null));
        BooleanQuery b = (BooleanQuery) q;
        assertTrue(b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST), q.toString());
        assertEquals("+abstract:\"kv cach\" +(topics:kv-cache topics:long-context)", q.toString());
    }

    @Test
    void bareWordsSearchTitleAndAbstractAndKeywordFieldsAreLowercased() {
        assertEquals("(title:distil)^2.0 (abstract:distil)^1.0",
                SubscriptionQuery.build(Subscription.ofQuery("q", "distillation")).toString());
        String both = SubscriptionQuery.build(Subscription.ofQuery("q", "\"diffusion models\" AND categories:cs.CV")).toString();
        assertTrue(both.contains("title:\"diffus model\"") && both.endsWith("+categories:cs.cv"), both);
        assertEquals("categories:cs.*", SubscriptionQuery.build(Subscription.ofQuery("q", "categories:CS.*")).toString());
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithTheParsersMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubscriptionQuery.build(Subscription.ofQuery("broken", "\"kv cache AND (title:")));
        assertTrue(e.getMessage().startsWith("subscription broken: invalid query"), e.getMessage());
        assertTrue(e.getMessage().contains("Cannot parse") || e.getMessage().contains("Lexical error"), e.getMessage());
    }

    @Test
    void queriesThatCouldNeverMatchAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SubscriptionQuery.build(Subscription.ofQuery("s", "the and of"))).getMessage().contains("no searchable"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SubscriptionQuery.build(Subscription.ofQuery("s", "NOT categories:cs.CV"))).getMessage().contains("only NOT"));
    }
}
