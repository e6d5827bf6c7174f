package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.AlertOn;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsTopics;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds alerting to a topology:
 *
 * <pre>
 * classified --match (global store of paperfeed.subscriptions, one matcher per instance; its profiles
 *                    retrained from the global store of paperfeed.feedback)
 *            --> candidates keyed by subscription id (and the built-in all-papers one)
 *            --> repartition alerts-by-subscription
 *            --> ledger (store alert-ledger: subscription + paper id or alias [+ status] -> alert id)
 *            --+-- digest-mode subscriptions --> one Digest per window --> paperfeed.digests
 *              +-- the others --> paperfeed.alerts (key: subscription id)
 * </pre>
 *
 * The repartition puts every candidate of a subscription on one partition, so the ledger lookup and the
 * write of one (subscription, paper) always meet on one task, whichever canonical partition the paper's
 * records were on ({@link AlertLedger} says why that makes one alert per paper). Sharded ({@link #addSharded}),
 * the match task of partition p has only subscriptions of that partition, so its candidates meet their
 * ledger in the same task. Digest windows are cut by {@link DigestWindows}: a day unless the operator set
 * another period.
 */
public final class SubscriptionAlerts {

    static final String SUBSCRIPTIONS_STORE = "subscriptions";
    static final String LEDGER_STORE = "alert-ledger";
    /** The repartition topic is {@code <application id>-alerts-by-subscription-repartition}. */
    static final String BY_SUBSCRIPTION = "alerts-by-subscription";
    /** Sharded matching's copy of every paper for every shard: {@code <application id>-papers-to-match-shards-repartition}. */
    static final String TO_SHARDS = "papers-to-match-shards";

    private SubscriptionAlerts() {
    }

    /**
     * Alerting with every subscription matched on every instance (the default).
     *
     * @param matcher            the instance's one matcher (the embed step asks it whether any subscription has
     *                           a profile); the subscriptions topic and the feedback topic feed it
     * @param validator          what a subscription must satisfy (the taxonomy's topic ids, a query that parses)
     * @param allPapers          the id of a built-in subscription that every paper alerts once, or null for none
     * @param onAlert            told of every alert (for metrics)
     * @param onUnreadableRating told of each record of the feedback topic the global store skipped (for metrics)
     * @param digests            how digest windows are cut
     * @param restoring          whether Kafka Streams is restoring a global store, by name ({@code GlobalStoreRestores})
     */
    public static void addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
                             SubscriptionMatcher matcher, SubscriptionValidator validator, String allPapers,
                             Consumer<Alert> onAlert, Runnable onUnreadableRating, DigestWindows.Settings digests,
                             Predicate<String> restoring) {
        SubscriptionTable table = SubscriptionTable.rulesOnly(validator); // the matcher keeps what matching needs
        readSubscriptions(builder, Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE),
                () -> new SubscriptionsLoader(table, matcher, () -> restoring.test(SUBSCRIPTIONS_STORE)));
        FeedbackLoader.addTo(builder, matcher::applyRating, onUnreadableRating,
                () -> restoring.test(FeedbackLoader.FEEDBACK_STORE));
        KStream<String, Alert> candidates = classified
                .filter((id, paper) -> paper != null, Named.as("papers-to-match"))
                .process(() -> new MatchProcessor(matcher, allPapers), Named.as("match-subscriptions"))
                .repartition(Repartitioned.with(Serdes.String(), PaperSerdes.ALERT).withName(BY_SUBSCRIPTION));
        ledgerAndAfter(builder, candidates, matcher::alertOn, id -> isDigest(matcher.mode(id)), onAlert, digests);
    }

    /**
     * Alerting with the subscriptions sharded over the match tasks ({@link MatcherShards}): every classified
     * paper is sent to every partition of {@code papers-to-match-shards} (as many as there are shards), the
     * task of partition {@code p} matches it against shard {@code p} and runs the ledger of its candidates,
     * which are all of subscriptions of that partition (docs/ARCHITECTURE.md, "Matching spread over
     * instances"). The subscriptions' global store is on disk (RocksDB), so an instance's heap holds the
     * matchers of its shards only. Arguments as {@link #addTo}.
     */
    public static void addSharded(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
                                  MatcherShards shards, SubscriptionValidator validator, String allPapers,
                                  Consumer<Alert> onAlert, Runnable onUnreadableRating, DigestWindows.Settings digests,
                                  Predicate<String> restoring) {
        SubscriptionTable table = SubscriptionTable.rulesOnly(validator);
        readSubscriptions(builder, Stores.persistentKeyValueStore(SUBSCRIPTIONS_STORE),
                () -> new SubscriptionsLoader(table, shards, () -> restoring.test(SUBSCRIPTIONS_STORE)));
        FeedbackLoader.addTo(builder, shards::applyRating, onUnreadableRating,
                () -> restoring.test(FeedbackLoader.FEEDBACK_STORE));
        Set<Integer> everyShard = IntStream.range(0, shards.count()).boxed().collect(Collectors.toUnmodifiableSet());
        KStream<String, Alert> candidates = classified
                .filter((id, paper) -> paper != null, Named.as("papers-to-match"))
                .repartition(Repartitioned.with(Serdes.String(), PaperSerdes.CANONICAL_PAPER).withName(TO_SHARDS)
                        .withNumberOfPartitions(shards.count())
                        .withStreamPartitioner((topic, id, paper, partitions) -> Optional.of(everyShard)))
                .process(() -> new ShardMatchProcessor(shards, allPapers), Named.as("match-shard"));
        ledgerAndAfter(builder, candidates, shards::alertOn, id -> isDigest(shards.mode(id)), onAlert, digests);
    }

    /** The global store of the subscriptions topic, kept by the loader. */
    private static void readSubscriptions(StreamsBuilder builder, KeyValueBytesStoreSupplier store,
                                          Supplier<SubscriptionsLoader> loader) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(store, Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), Topics.SUBSCRIPTIONS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-subscriptions"), loader::get);
    }

    /** The ledger, then digests or the alerts topic, on the partition of each candidate's subscription id. */
    private static void ledgerAndAfter(StreamsBuilder builder, KStream<String, Alert> candidates,
                                       Function<String, Set<AlertOn>> occasions, Predicate<String> isDigest,
                                       Consumer<Alert> onAlert, DigestWindows.Settings digests) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, Alert> alerts = candidates
                .processValues(() -> new AlertLedger(occasions), Named.as("alert-ledger"), LEDGER_STORE)
                .peek((subscription, alert) -> onAlert.accept(alert), Named.as("count-alerts"));
        alerts.split(Named.as("mode-"))
                .branch((subscription, alert) -> isDigest.test(subscription),
                        Branched.withConsumer(digest -> DigestWindows.addTo(builder, digest, digests), "digest"))
                .defaultBranch(Branched.withConsumer(instant -> instant
                        .to(Topics.ALERTS.name(), StreamsTopics.produced(Topics.ALERTS)), "instant"));
    }

    private static boolean isDigest(Optional<Subscription.Mode> mode) {
        return mode.map(m -> m == Subscription.Mode.DIGEST).orElse(false);
    }
}
