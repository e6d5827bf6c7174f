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
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
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
 * records were on ({@link AlertLedger} says why that makes one alert per paper). Digest windows are cut by
 * {@link DigestWindows}: a day unless the operator set another period.
 */
public final class SubscriptionAlerts {

    static final String SUBSCRIPTIONS_STORE = "subscriptions";
    static final String LEDGER_STORE = "alert-ledger";
    /** The repartition topic is {@code <application id>-alerts-by-subscription-repartition}. */
    static final String BY_SUBSCRIPTION = "alerts-by-subscription";

    private SubscriptionAlerts() {
    }

    /**
     * @param matcher            the instance's one matcher (the embed step asks it whether any subscription has
     *                           a profile); the subscriptions topic and the feedback topic feed it
     * @param validator          what a subscription must satisfy (the taxonomy's topic ids, a query that parses)
     * @param allPapers          the id of a built-in subscription that every paper alerts once, or null for none
     * @param onAlert            told of every alert (for metrics)
     * @param onUnreadableRating told of each record of the feedback topic the global store skipped (for metrics)
     * @param digests            how digest windows are cut
     */
    public static void addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
                             SubscriptionMatcher matcher, SubscriptionValidator validator, String allPapers,
                             Consumer<Alert> onAlert, Runnable onUnreadableRating, DigestWindows.Settings digests) {
        SubscriptionTable table = SubscriptionTable.rulesOnly(validator); // the matcher keeps what matching needs
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                Topics.SUBSCRIPTIONS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-subscriptions"),
                () -> new SubscriptionsLoader(table, matcher));
        FeedbackLoader.addTo(builder, matcher, onUnreadableRating);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, Alert> alerts = classified
                .filter((id, paper) -> paper != null, Named.as("papers-to-match"))
                .process(() -> new MatchProcessor(matcher, allPapers), Named.as("match-subscriptions"))
                .repartition(Repartitioned.with(Serdes.String(), PaperSerdes.ALERT).withName(BY_SUBSCRIPTION))
                .processValues(() -> new AlertLedger(id -> occasions(matcher, id)), Named.as("alert-ledger"),
                        LEDGER_STORE)
                .peek((subscription, alert) -> onAlert.accept(alert), Named.as("count-alerts"));
        alerts.split(Named.as("mode-"))
                .branch((subscription, alert) -> isDigest(matcher, subscription),
                        Branched.withConsumer(digest -> DigestWindows.addTo(builder, digest, digests), "digest"))
                .defaultBranch(Branched.withConsumer(instant -> instant
                        .to(Topics.ALERTS.name(), StreamsTopics.produced(Topics.ALERTS)), "instant"));
    }

    private static Set<AlertOn> occasions(SubscriptionMatcher matcher, String subscriptionId) {
        return matcher.alertOn(subscriptionId);
    }

    private static boolean isDigest(SubscriptionMatcher matcher, String subscriptionId) {
        return matcher.mode(subscriptionId).map(m -> m == Subscription.Mode.DIGEST).orElse(false);
    }
}
