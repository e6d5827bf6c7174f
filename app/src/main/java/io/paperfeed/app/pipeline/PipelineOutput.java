package io.paperfeed.app.pipeline;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
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
 * What the pipeline's output topics hold, as read back: the latest record of each canonical paper,
 * every alert, every invalid item, and the input items they account for.
 */
public final class PipelineOutput {

    private final Map<String, CanonicalPaper> papers = new LinkedHashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<InvalidItem> invalid = new ArrayList<>();
    private final Set<String> accountedItems = new HashSet<>();

    void paper(CanonicalPaper paper) {
        papers.put(paper.id(), paper);
        for (Provenance source : paper.sources()) {
            accountedItems.add(source.itemKey());
        }
    }

    void alert(Alert alert) {
        alerts.add(alert);
    }

    /** An invalid item, keyed by the input item it stands for. */
    void invalid(String itemKey, InvalidItem item) {
        invalid.add(item);
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

    public Collection<CanonicalPaper> papers() {
        return papers.values();
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public List<InvalidItem> invalid() {
        return invalid;
    }
}
