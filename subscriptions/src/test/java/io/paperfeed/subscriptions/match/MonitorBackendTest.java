package io.paperfeed.subscriptions.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.model.Subscription;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.query.PaperFields;
import io.paperfeed.subscriptions.query.SubscriptionAnalyzer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorBackendTest {

    private final MonitorBackend monitor = new MonitorBackend(new SubscriptionAnalyzer(),
            MonitorBackend.defaultPresearcher());

    @AfterEach
    void close() {
        monitor.close();
    }

    private static CompiledSubscription compiled(String id, String query) {
        return CompiledSubscription.of(Subscription.ofQuery(id, query), SubscriptionValidator.anyTopic(), false);
    }

    @Test
    void onlyTheQueriesThatMatchAreReturnedAndOnlyHighlightedOnesCarryHits() {
        monitor.register(List.of(compiled("svd", "svd AND NOT gan"), compiled("quiet", "svd AND NOT gan"),
                compiled("gan", "gan AND NOT svd")));

        MonitorBackend.Hits hits = monitor.match(Papers.xkv(), id -> id.equals("svd"));

        Map<String, MonitorBackend.Hit> byId = hits.matches().stream()
                .collect(Collectors.toMap(MonitorBackend.Hit::id, h -> h));
        assertEquals(Set.of("svd", "quiet"), byId.keySet());
        assertTrue(byId.get("svd").hits().containsKey(PaperFields.TITLE), byId.get("svd").hits().toString());
        assertTrue(byId.get("quiet").hits().isEmpty());
        assertTrue(hits.queriesRun() >= byId.size(), "run: " + hits.queriesRun());
    }

    @Test
    void aDeletedQueryMatchesNoMore() {
        monitor.register(List.of(compiled("svd", "svd*")));
        monitor.delete(List.of("svd"));
        assertEquals(0, monitor.size());
        assertTrue(monitor.match(Papers.xkv(), id -> true).matches().isEmpty());
    }
}
