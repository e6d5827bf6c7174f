package io.paperfeed.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import io.paperfeed.model.Delivery;
import io.paperfeed.model.Subscription;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsFileTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SubscriptionsFileTest.class.getResource("/subscriptions/" + name).toURI());
    }

    @Test
    void aYamlFileKeepsTheGoodEntriesAndReportsEachBadOne() throws Exception {
        SubscriptionsFile.Loaded loaded = SubscriptionsFile.load(fixture("mixed.yaml"), SubscriptionValidator.anyTopic());

        assertEquals(List.of("kv-watch", "liu", "cl-digest", "slack"),
                loaded.subscriptions().stream().map(Subscription::id).toList());
        assertEquals(List.of(1, 3, 5), loaded.problems().stream().map(SubscriptionsFile.Problem::index).toList());
        assertTrue(loaded.problems().get(0).reason().contains("invalid query"), loaded.problems().toString());
        assertTrue(loaded.problems().get(1).reason().contains("id must be"), loaded.problems().toString());
        assertTrue(loaded.problems().get(2).reason().contains("http or https"), loaded.problems().toString());
        assertEquals("hook", loaded.problems().get(2).id());
        Subscription digest = loaded.subscriptions().get(2);
        assertEquals(Subscription.Mode.DIGEST, digest.mode());
        assertEquals(Delivery.Format.SLACK, loaded.subscriptions().get(3).delivery().get(0).format());
        assertTrue(loaded.subscriptions().get(1).alertOnUpdate());
    }

    @Test
    void aJsonListWorksTooAndEveryEntryLoadedRegisters() throws Exception {
        SubscriptionsFile.Loaded loaded = SubscriptionsFile.load(fixture("list.json"), SubscriptionValidator.anyTopic());

        assertEquals(List.of("kv-watch", "rag"), loaded.subscriptions().stream().map(Subscription::id).toList());
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.problems().get(0).toString().startsWith("entry 1 (cv): mode must be one of"),
                loaded.problems().toString());
        try (SubscriptionMatcher matcher = new SubscriptionMatcher()) {
            assertTrue(matcher.register(loaded.subscriptions()).allRegistered());
        }
    }

    @Test
    void aRepeatedIdIsReportedAndNotMerged() {
        SubscriptionsFile.Loaded loaded = SubscriptionsFile.parse(
                "- {id: a, query: svd}\n- {id: a, query: gan}\n", "test", SubscriptionValidator.anyTopic());
        assertEquals(1, loaded.subscriptions().size());
        assertEquals("svd", loaded.subscriptions().get(0).query());
        assertTrue(loaded.problems().get(0).reason().contains("already used by entry 0"));
    }

    @Test
    void somethingThatIsNotAListIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SubscriptionsFile.parse("{\"subscriptions\": 3}", "test", SubscriptionValidator.anyTopic()));
        assertThrows(IllegalArgumentException.class, () -> SubscriptionsFile.parse("[{", "test", SubscriptionValidator.anyTopic()));
    }
}
