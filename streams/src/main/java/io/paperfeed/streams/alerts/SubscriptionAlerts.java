package io.paperfeed.streams.alerts;

import io.paperfeed.streams.StreamsTopics;
import io.paperfeed.model.Alert;
import io.paperfeed.subscriptions.SubscriptionTable;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.topics.Topics;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds subscription matching to a topology: the subscriptions topic feeds a global store and a
 * {@link SubscriptionMatcher} on every instance; each classified paper is matched and alerts go to
 * {@code paperfeed.alerts} once per (subscription, paper), guarded by a changelogged ledger store.
 * Subscriptions in digest mode get one {@link DailyDigests digest} a day on {@code paperfeed.digests}
 * instead.
 */
public final class SubscriptionAlerts {

    private static boolean isDigest(SubscriptionMatcher matcher, String subscriptionId) {
        return matcher.get(subscriptionId).map(s -> s.mode() == Subscription.Mode.DIGEST).orElse(false);
    }

    static final String SUBSCRIPTIONS_STORE = "subscriptions";
    static final String LEDGER_STORE = "alert-ledger";

    private SubscriptionAlerts() {
    }

    /**
     * @param validator   what a subscription must satisfy (the taxonomy's topic ids, a query that parses)
     * @param onAlert     told of every alert (for metrics)
     */
    public static void addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
                             SubscriptionValidator validator, Consumer<Alert> onAlert) {
        addTo(builder, classified, new SubscriptionMatcher(validator), validator, onAlert);
    }

    /**
     * @param matcher the instance's one matcher (the embed step asks it whether any subscription has a
     *                profile); the subscriptions topic and the feedback topic feed it
     */
    public static void addTo(StreamsBuilder builder, KStream<String, CanonicalPaper> classified,
                             SubscriptionMatcher matcher, SubscriptionValidator validator, Consumer<Alert> onAlert) {
        SubscriptionTable table = new SubscriptionTable(validator);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                Topics.SUBSCRIPTIONS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-subscriptions"),
                () -> new SubscriptionsLoader(table, matcher));
        FeedbackLoader.addTo(builder, matcher);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, Alert> alerts = classified
                .filter((id, paper) -> paper != null, Named.as("papers-to-match"))
                .process(() -> new AlertProcessor(matcher), Named.as("match-subscriptions"), LEDGER_STORE)
                .peek((subscription, alert) -> onAlert.accept(alert), Named.as("count-subscription-alerts"));
        alerts.split(Named.as("mode-"))
                .branch((subscription, alert) -> isDigest(matcher, subscription),
                        Branched.withConsumer(DailyDigests::addTo, "digest"))
                .defaultBranch(Branched.withConsumer(instant -> instant
                        .to(Topics.ALERTS.name(), StreamsTopics.produced(Topics.ALERTS)), "instant"));
    }
}
