package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.AlertOn;
import io.paperfeed.model.CanonicalPaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One alert per (subscription, paper, occasion). Runs after the repartition by subscription id, so every
 * candidate of a subscription, whatever partition its paper's record was on, meets the same store. A paper
 * is looked up under its id and every alias; the first candidate that finds none is the alert, and the
 * ledger then records its alert id under all of the paper's ids. That makes the order of arrival
 * irrelevant: a paper's {@code content:} record and its later {@code arxiv:} record (aliases: the
 * content id) are on different canonical partitions and may reach the ledger in either order; whichever
 * comes first alerts, and the other finds an id it shares with it.
 *
 * <p>Status changes are kept the same way: once a paper is alerted, the status it has reached
 * (under review, published) is recorded under every one of its ids ({@link #statusKey}), whether or not
 * that status alerted. An alerted paper's record with a status no id of it has recorded yet is the
 * status change, and alerts ({@link AlertIds#status}) if the subscription's {@code alertOn} names it; a
 * repeat, or a later record of the same status under another id, finds the recorded status. A first
 * alert of a paper that is already published records that status too, so it is not alerted twice.
 * Otherwise an UPDATED paper already alerted alerts again only when the subscription asks for
 * {@code update}, with an id of its own per update ({@link AlertIds#update}). At most one alert per record.
 */
final class AlertLedger implements FixedKeyProcessor<String, Alert, Alert> {

    private final Function<String, Set<AlertOn>> occasions;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> ledger;

    /** @param occasions what a subscription (by id) is alerted on; {@code [new]} for the built-in one */
    AlertLedger(Function<String, Set<AlertOn>> occasions) {
        this.occasions = occasions;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.ledger = context.getStateStore(SubscriptionAlerts.LEDGER_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Alert candidate = record.value();
        if (candidate == null) { // only a foreign writer puts a null here: dead-lettered by the handler
            throw new IllegalArgumentException("a null value is no alert candidate");
        }
        String subscription = candidate.subscriptionId();
        CanonicalPaper paper = candidate.paper();
        List<String> ids = new ArrayList<>(paper.aliases());
        ids.add(paper.id());
        Set<AlertOn> asked = occasions.apply(subscription);
        AlertOn statusOccasion = AlertOn.of(paper.status());
        String alerted = find(ids, id -> key(subscription, id));
        Alert alert = null;
        if (alerted == null) {
            if (asked.contains(AlertOn.NEW)) {
                alert = candidate;
            } else if (statusOccasion != null && asked.contains(statusOccasion)) {
                alert = candidate.on(AlertIds.status(subscription, paper.id(), statusOccasion), statusOccasion,
                        StatusReasons.of(paper));
            } else {
                return; // not alerted, and not to be: nothing to remember
            }
            alerted = alert.alertId();
        }
        fill(ids, id -> key(subscription, id), alerted);
        if (statusOccasion != null) {
            String statusAlerted = find(ids, id -> statusKey(subscription, id, statusOccasion));
            if (statusAlerted == null && alert == null && asked.contains(statusOccasion)) {
                alert = candidate.on(AlertIds.status(subscription, paper.id(), statusOccasion), statusOccasion,
                        StatusReasons.of(paper));
            }
            fill(ids, id -> statusKey(subscription, id, statusOccasion), statusAlerted != null ? statusAlerted
                    : alert != null ? alert.alertId() : alerted);
        }
        if (alert == null && paper.change() == CanonicalPaper.Change.UPDATED && asked.contains(AlertOn.UPDATE)) {
            alert = candidate.on(AlertIds.update(subscription, paper), AlertOn.UPDATE, "updated");
        }
        if (alert != null) {
            context.forward(record.withValue(alert));
        }
    }

    /** The first value the ledger has under one of the ids, or null. */
    private String find(List<String> ids, Function<String, String> keyOf) {
        for (String id : ids) {
            String found = ledger.get(keyOf.apply(id));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Records the value under every id that has none yet. */
    private void fill(List<String> ids, Function<String, String> keyOf, String value) {
        for (String id : ids) {
            String key = keyOf.apply(id);
            if (ledger.get(key) == null) {
                ledger.put(key, value);
            }
        }
    }

    static String key(String subscription, String paperId) {
        return subscription + "\n" + paperId;
    }

    /** The ledger key of a status an alerted paper (under this id) has reached for a subscription. */
    static String statusKey(String subscription, String paperId, AlertOn occasion) {
        return subscription + "\n" + paperId + "\n" + occasion.json();
    }
}
