package io.paperfeed.subscriptions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTableTest {

    private final SubscriptionTable table = new SubscriptionTable(new SubscriptionValidator(Set.of("kv-cache")));

    private static byte[] bytes(Subscription s) {
        return PaperSerdes.SUBSCRIPTION.serialize("paperfeed.subscriptions", s);
    }

    @Test
    void aValueRegistersAndReplacesAndATombstoneDeletes() {
        SubscriptionTable.Change first = table.apply("a", bytes(Subscription.ofQuery("a", "svd")), "t-0@0");
        assertTrue(first.active());
        table.apply("a", bytes(Subscription.ofQuery("a", "gan")), "t-0@1");
        assertEquals("gan", table.get("a").orElseThrow().query());

        SubscriptionTable.Change gone = table.apply("a", null, "t-0@2");
        assertFalse(gone.active());
        assertFalse(gone.unreadable());
        assertTrue(table.get("a").isEmpty());
        assertEquals(0, table.unreadable());
    }

    @Test
    void aDisabledSubscriptionIsKeptButNotActive() {
        SubscriptionTable.Change change = table.apply("a",
                bytes(Subscription.ofQuery("a", "svd").disable("410 Gone")), "t-0@0");
        assertFalse(change.active());
        assertTrue(table.get("a").orElseThrow().disabled());
        assertEquals(List.of("a"), table.all().stream().map(Subscription::id).toList());
    }

    @Test
    void everyKindOfUnreadableRecordIsCountedAndRemovesTheKeysEarlierVersion() {
        table.apply("a", bytes(Subscription.ofQuery("a", "svd")), "t-0@0");
        assertTrue(table.apply("a", "{not json".getBytes(UTF_8), "t-0@1").unreadable());
        assertTrue(table.get("a").isEmpty(), "the topic's latest word on a is unusable");

        table.apply("b", bytes(Subscription.ofQuery("b", "svd")), "t-0@2");
        SubscriptionTable.Change otherId = table.apply("b", bytes(Subscription.ofQuery("c", "svd")), "t-0@3");
        assertTrue(otherId.problem().contains("not the subscription's id"), otherId.problem());
        assertTrue(table.get("b").isEmpty());
        assertTrue(table.get("c").isEmpty());

        SubscriptionTable.Change badQuery = table.apply("d", bytes(Subscription.ofQuery("d", "svd AND (")), "t-0@4");
        assertTrue(badQuery.problem().contains("invalid query"), badQuery.problem());
        SubscriptionTable.Change badTopic = table.apply("e", bytes(Subscription.ofTopics("e", List.of("gans"))), "t-0@5");
        assertTrue(badTopic.problem().contains("not in the taxonomy"), badTopic.problem());
        SubscriptionTable.Change noKey = table.apply(null, bytes(Subscription.ofQuery("f", "svd")), "t-0@6");
        assertNull(noKey.id());

        assertEquals(5, table.unreadable());
        assertEquals(0, table.size());
    }
}
