package io.paperfeed.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/**
 * {@link MultiInstanceAlertsIT} with the subscriptions sharded over 3 match tasks ({@code --match-shards 3}):
 * the same papers, poison records and cross-source publications, the same one alert per (subscription,
 * paper) and per status change, while the two instances between them hold each subscription once.
 */
class ShardedMatchingAlertsIT extends MultiInstanceAlertsIT {

    @Override
    StreamsSettings settings(Path stateDir) {
        return super.settings(stateDir).withMatchShards(3);
    }

    @Override
    void assertSubscriptionsHeld(int byA, int byB) {
        assertEquals(3, byA + byB, "each subscription held by one instance only: " + byA + " and " + byB);
    }
}
