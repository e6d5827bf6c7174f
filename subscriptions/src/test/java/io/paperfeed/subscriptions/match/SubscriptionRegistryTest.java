package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    private final SubscriptionAnalyzer analyzer = new SubscriptionAnalyzer();
    private final TermIndex termIndex = new TermIndex(analyzer);
    private final MonitorBackend monitor = new MonitorBackend(analyzer, MonitorBackend.defaultPresearcher());
    private final SubscriptionRegistry registry = new SubscriptionRegistry(SubscriptionValidator.anyTopic(), true,
            termIndex, monitor);

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void conjunctionsGoToTheTermIndexAndTheRestToTheMonitor() {
        registry.register(List.of(Subscription.ofQuery("phrase", "\"kv cache\""),
                Subscription.ofQuery("negated", "svd AND NOT gan")));

        assertNull(registry.monitored("phrase"));
        assertNotNull(registry.get("phrase").group(), "a term index subscription is held as its group");
        assertTrue(registry.monitored("negated").inMonitor());
        assertEquals(1, monitor.size());
        assertTrue(registry.anyInMonitor());
        assertEquals(1, termIndex.match(Papers.xkv()).matches().size());
    }

    @Test
    void replacingMovesASubscriptionBetweenTheBackendsAndDeletingEmptiesBoth() {
        registry.register(List.of(Subscription.ofQuery("s", "svd AND NOT gan")));
        registry.register(List.of(Subscription.ofQuery("s", "svd")));
        assertEquals(0, monitor.size(), "moved to the term index");
        assertFalse(registry.anyInMonitor());
        assertEquals(List.of("s"), termIndex.match(Papers.xkv()).matches().get(0).ids());

        registry.register(List.of(Subscription.ofQuery("s", "svd*")));
        assertEquals(1, monitor.size(), "and back to the monitor");
        assertTrue(termIndex.match(Papers.xkv()).matches().isEmpty());

        assertTrue(registry.delete("s"));
        assertFalse(registry.delete("s"));
        assertEquals(0, monitor.size());
        assertEquals(0, registry.size());
    }

    @Test
    void inABatchTheLaterVersionWinsADisabledOneDeletesAndARefusedOneIsReported() {
        registry.register(List.of(Subscription.ofQuery("old", "svd")));
        Registration r = registry.register(List.of(Subscription.ofQuery("a", "svd"), Subscription.ofQuery("a", "gan"),
                Subscription.ofQuery("old", "svd").disable("410"), Subscription.ofQuery("bad", "svd AND (")));

        assertEquals(List.of("a"), r.registered());
        assertEquals(List.of("bad"), List.copyOf(r.rejected().keySet()));
        assertTrue(termIndex.match(Papers.xkv()).matches().isEmpty(), "a is gan, not svd; old is gone");
        assertNotNull(registry.get("a"));
        assertNull(registry.get("old"));
    }
}
