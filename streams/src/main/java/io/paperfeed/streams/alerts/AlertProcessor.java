package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.serde.PaperSerdes;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.match.SubscriptionMatch;
import io.paperfeed.subscriptions.match.SubscriptionMatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Matches each classified paper against the subscriptions and emits an {@link Alert} (key:
 * subscription id) for every match not alerted before. The ledger remembers each (subscription,
 * paper) alerted, under the paper's id; a paper that changed id is found under its aliases. An
 * update of an alerted paper alerts again only when the subscription asks for it.
 */
final class AlertProcessor implements Processor<String, CanonicalPaper, String, Alert> {

    private final SubscriptionMatcher matcher;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> ledger;

    AlertProcessor(SubscriptionMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.ledger = context.getStateStore(SubscriptionAlerts.LEDGER_STORE);
    }

    @Override
    public void process(Record<String, CanonicalPaper> record) {
        CanonicalPaper paper = record.value();
        for (SubscriptionMatch match : matcher.match(paper).matches()) {
            String alertId = alertIdFor(match, paper);
            if (alertId != null) {
                Alert alert = new Alert(alertId, match.subscriptionId(), paper, match.topics(), match.terms(),
                        Instant.ofEpochMilli(context.currentSystemTimeMs()), match.similarTo());
                context.forward(record.withKey(match.subscriptionId()).withValue(alert));
            }
        }
    }

    /** The id of the alert to send, or null when this paper was already alerted to this subscription. */
    private String alertIdFor(SubscriptionMatch match, CanonicalPaper paper) {
        String subscription = match.subscriptionId();
        List<String> ids = new ArrayList<>(paper.aliases());
        ids.add(paper.id());
        String alerted = null;
        for (String id : ids) {
            alerted = alerted != null ? alerted : ledger.get(ledgerKey(subscription, id));
        }
        if (alerted == null) {
            String alertId = alertId(subscription, paper.id(), "");
            ledger.put(ledgerKey(subscription, paper.id()), alertId);
            return alertId;
        }
        boolean again = paper.change() == CanonicalPaper.Change.UPDATED
                && matcher.get(subscription).map(s -> s.alertOnUpdate()).orElse(false);
        return again ? alertId(subscription, paper.id(), updateOccasion(paper)) : null;
    }

    /**
     * What this update says about the paper, topics aside (they follow the taxonomy): every UPDATED
     * record differs from the one before, so its alert id does too, however many sources it has.
     */
    private static String updateOccasion(CanonicalPaper paper) {
        byte[] content = PaperSerdes.CANONICAL_PAPER.serialize(Topics.PAPERS_CLASSIFIED.name(), paper.withTopics(List.of()));
        return "update\n" + new String(content, StandardCharsets.UTF_8);
    }

    private static String ledgerKey(String subscription, String paperId) {
        return subscription + "\n" + paperId;
    }

    /** Stable for the same (subscription, paper, occasion): a receiver can drop repeats by it. */
    static String alertId(String subscription, String paperId, String occasion) {
        return alertId(subscription + "\n" + paperId + "\n" + occasion);
    }

    /** {@code alert_} and the first 24 hex digits of the text's SHA-256. */
    static String alertId(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "alert_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
