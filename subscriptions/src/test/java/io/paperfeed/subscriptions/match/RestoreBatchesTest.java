package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreBatchesTest {

    @Test
    void aRestoreRegistersTheActiveRecordsInBatchesAndCountsTheRefusedOnes() {
        SubscriptionValidator validator = SubscriptionValidator.anyTopic();
        SubscriptionTable rules = SubscriptionTable.rulesOnly(validator);
        try (SubscriptionMatcher matcher = new SubscriptionMatcher(validator)) {
            RestoreBatches restore = new RestoreBatches(rules, matcher, 1_000);
            for (int i = 0; i < 1_000 + 5; i++) {
                restore.add("s-" + i, bytes(Subscription.ofQuery("s-" + i, i % 2 == 0 ? "svd" : "\"kv cache\"")), "test");
            }
            restore.add("off", bytes(Subscription.ofQuery("off", "svd").disable("410")), "test");
            restore.add("bad", bytes(Subscription.ofQuery("bad", "svd AND (")), "test");
            restore.add("junk", "{not json".getBytes(StandardCharsets.UTF_8), "test");
            restore.finish();

            assertEquals(1_000 + 5, restore.registered());
            assertEquals(2, restore.refused(), "the query the matcher refused and the unreadable record");
            assertEquals(1_000 + 5, matcher.queryCount());
            assertFalse(matcher.contains("bad"));
            assertTrue(matcher.contains("s-" + 1_000));
            assertEquals(List.of(), rules.all(), "the rules keep no records: the matcher holds what it needs");
        }
    }

    private static byte[] bytes(Subscription s) {
        return PaperSerdes.SUBSCRIPTION.serialize(Topics.SUBSCRIPTIONS.name(), s);
    }
}
