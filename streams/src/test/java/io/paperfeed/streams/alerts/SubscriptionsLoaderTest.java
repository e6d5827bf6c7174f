package io.paperfeed.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.embeddings.MiniLmEmbedder;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions' loader with matching sharded, started over a global store that already holds
 * subscriptions (a restart with a checkpoint, or the initialisation after a restore): it learns from the
 * store which enabled subscriptions have like lists, before any shard is open.
 */
class SubscriptionsLoaderTest {

    private final SubscriptionValidator validator = SubscriptionValidator.of(Taxonomy.defaults());
    private final MatcherShards shards = new MatcherShards(3, validator);
    private final AtomicBoolean restoring = new AtomicBoolean();
    private MockProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void openStore() {
        context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), new File(System.getProperty("java.io.tmpdir")));
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SubscriptionAlerts.SUBSCRIPTIONS_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private SubscriptionsLoader started() {
        SubscriptionsLoader loader = new SubscriptionsLoader(SubscriptionTable.rulesOnly(validator), shards, restoring::get);
        loader.init(context);
        return loader;
    }

    private static Subscription likeSubscription(String id) {
        return Subscription.ofLike(id, List.of(new LikeItem(null, "KAN 2.0", null,
                MiniLmEmbedder.shared().embedding("KAN 2.0: Kolmogorov-Arnold Networks meet science."))));
    }

    private static byte[] like(String id) {
        return PaperSerdes.SUBSCRIPTION.serialize("t", likeSubscription(id));
    }

    private static byte[] disabled(String id) {
        return PaperSerdes.SUBSCRIPTION.serialize("t", likeSubscription(id).disable("switched off by its owner"));
    }

    private static byte[] query(String id) {
        return ("{\"id\":\"" + id + "\",\"query\":\"kv cache\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLikeListAlreadyInTheStoreIsKnownAtStart() {
        store.put("kv", query("kv"));
        started();
        assertFalse(shards.mayHaveProfiles(), "a query subscription has no profile");
        store.put("kan-like", like("kan-like"));
        started();
        assertTrue(shards.mayHaveProfiles(), "the stored like list needs papers embedded");
    }

    @Test
    void aLikeListDeletedDuringARestoreIsForgottenAtTheInitialisationAfterIt() {
        SubscriptionsLoader live = started();
        live.process(new Record<>("kan-like", like("kan-like"), 0L));
        assertTrue(shards.mayHaveProfiles());
        restoring.set(true); // the restore after a restart: the tombstone only reaches the store
        live.process(new Record<>("kan-like", null, 1L));
        restoring.set(false);
        started();
        assertFalse(shards.mayHaveProfiles(), "no like list is left in the store");
    }

    @Test
    void aDisabledLikeSubscriptionNeedsNoPaperEmbedded() {
        SubscriptionsLoader live = started();
        live.process(new Record<>("kan-like", like("kan-like"), 0L));
        assertTrue(shards.mayHaveProfiles());
        live.process(new Record<>("kan-like", disabled("kan-like"), 1L));
        assertFalse(shards.mayHaveProfiles(), "disabled, as it arrives");
        started();
        assertFalse(shards.mayHaveProfiles(), "disabled, in the store at start");
    }
}
