package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.streams.StreamsTopics;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The built-in subscription that every new paper alerts (the demo without {@code --subscriptions}, the
 * streams service), so a first run shows alerts end to end. The alert id is stable per
 * (subscription, paper), so a repeat can be recognised.
 */
public final class AllPapersAlerts {

    private AllPapersAlerts() {
    }

    /**
     * @param subscriptionId the built-in subscription's id (its alerts' key)
     * @param onAlert        told of every alert (for metrics)
     */
    public static void addTo(KStream<String, CanonicalPaper> classified, String subscriptionId,
                             Consumer<Alert> onAlert) {
        classified
                .filter((id, paper) -> paper != null && paper.change() == CanonicalPaper.Change.NEW,
                        Named.as("new-papers"))
                .map((id, paper) -> KeyValue.pair(subscriptionId, alertFor(subscriptionId, paper)), Named.as("alert"))
                .peek((subscription, alert) -> onAlert.accept(alert), Named.as("count-alerts"))
                .to(Topics.ALERTS.name(), StreamsTopics.produced(Topics.ALERTS));
    }

    static Alert alertFor(String subscriptionId, CanonicalPaper paper) {
        return new Alert(alertId(subscriptionId, paper.id()), subscriptionId, paper,
                paper.topics().stream().map(t -> t.id()).toList(), List.of(), Instant.now());
    }

    /** The alert id of a paper for the built-in subscription. */
    public static String alertId(String subscriptionId, String paperId) {
        return AlertProcessor.alertId(subscriptionId + "\n" + paperId);
    }
}
