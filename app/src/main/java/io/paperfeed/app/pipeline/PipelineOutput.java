package io.paperfeed.app.pipeline;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.Provenance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline's output topics hold, as read back: the latest record of each canonical paper
 * (retired ids removed), every alert, every invalid item, and the input items they account for.
 */
public final class PipelineOutput {

    private final Map<String, CanonicalPaper> papers = new LinkedHashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<KeyedInvalid> invalid = new ArrayList<>();
    private final List<DedupDecision> decisions = new ArrayList<>();
    private final Set<String> accountedItems = new HashSet<>();

    /** An invalid item with the key of the input item it stands for. */
    private record KeyedInvalid(String itemKey, InvalidItem item) {
    }

    void paper(CanonicalPaper paper) {
        papers.put(paper.id(), paper);
        for (Provenance source : paper.sources()) {
            accountedItems.add(source.itemKey());
        }
    }

    /** A paper id retired (a tombstone): the paper lives on under its new id. */
    void retired(String paperId) {
        papers.remove(paperId);
    }

    /** An exact repeat publishes no paper; its decision is what accounts for it. */
    void decision(DedupDecision decision) {
        decisions.add(decision);
        if (decision.outcome() == DedupDecision.Outcome.REPEAT) {
            accountedItems.add(decision.itemKey());
        }
    }

    void alert(Alert alert) {
        alerts.add(alert);
    }

    void invalid(String itemKey, InvalidItem item) {
        invalid.add(new KeyedInvalid(itemKey, item));
        accountedItems.add(itemKey);
    }

    /** Whether every given input item shows up in a paper's sources or as an invalid item. */
    public boolean accountsFor(Collection<String> itemKeys) {
        return accountedItems.containsAll(itemKeys);
    }

    /** The given input items that have not shown up yet. */
    public List<String> missing(Collection<String> itemKeys) {
        return itemKeys.stream().filter(k -> !accountedItems.contains(k)).sorted().toList();
    }

    /** The latest record of each paper that any of the given input items went into. */
    public List<CanonicalPaper> papersOf(Set<String> itemKeys) {
        return papers.values().stream().filter(p -> touches(p, itemKeys)).toList();
    }

    /** The alerts about papers that any of the given input items went into. */
    public List<Alert> alertsOf(Set<String> itemKeys) {
        return alerts.stream().filter(a -> touches(a.paper(), itemKeys)).toList();
    }

    /** The invalid items that stand for any of the given input items. */
    public List<InvalidItem> invalidOf(Set<String> itemKeys) {
        return invalid.stream().filter(i -> itemKeys.contains(i.itemKey())).map(KeyedInvalid::item).toList();
    }

    /** The latest record of every paper (retired ids removed). */
    public List<CanonicalPaper> papers() {
        return List.copyOf(papers.values());
    }

    /** Every alert, in the order read. */
    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** Every invalid item and dead letter. */
    public List<InvalidItem> invalid() {
        return invalid.stream().map(KeyedInvalid::item).toList();
    }

    /** Every dedup decision. */
    public List<DedupDecision> decisions() {
        return List.copyOf(decisions);
    }

    private static boolean touches(CanonicalPaper paper, Set<String> itemKeys) {
        return paper.sources().stream().anyMatch(s -> itemKeys.contains(s.itemKey()));
    }
}
