package io.paperfeed.streams.alerts;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One alert per (subscription, paper). Runs after the repartition by subscription id, so every candidate
 * of a subscription, whatever partition its paper's record was on, meets the same store. A paper is
 * looked up under its id and every alias; the first candidate that finds none is the alert, and the
 * ledger then records its alert id under all of the paper's ids. That makes the order of arrival
 * irrelevant: a paper's {@code content:} record and its later {@code arxiv:} record (aliases: the
 * content id) are on different canonical partitions and may reach the ledger in either order; whichever
 * comes first alerts, and the other finds an id it shares with it. An UPDATED paper already alerted
 * alerts again only when the subscription asks for it ({@code alertOnUpdate}), with an id of its own per
 * update ({@link AlertIds#update}).
 */
final class AlertLedger implements FixedKeyProcessor<String, Alert, Alert> {

    private final Predicate<String> alertOnUpdate;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> ledger;

    /** @param alertOnUpdate whether a subscription (by id) alerts again on an update of an alerted paper */
    AlertLedger(Predicate<String> alertOnUpdate) {
        this.alertOnUpdate = alertOnUpdate;
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
        String alerted = null;
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            String found = ledger.get(key(subscription, id));
            if (found == null) {
                unknown.add(id);
            } else if (alerted == null) {
                alerted = found;
            }
        }
        String alertId = alerted == null ? candidate.alertId() : alerted;
        for (String id : unknown) {
            ledger.put(key(subscription, id), alertId);
        }
        if (alerted == null) {
            context.forward(record);
        } else if (paper.change() == CanonicalPaper.Change.UPDATED && alertOnUpdate.test(subscription)) {
            String updateId = AlertIds.update(subscription, paper);
            context.forward(record.withValue(new Alert(updateId, subscription, paper, candidate.topics(),
                    candidate.terms(), candidate.createdAt(), candidate.similarTo())));
        }
    }

    static String key(String subscription, String paperId) {
        return subscription + "\n" + paperId;
    }
}
