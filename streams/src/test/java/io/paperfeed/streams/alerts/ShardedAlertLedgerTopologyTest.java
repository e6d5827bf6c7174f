package io.paperfeed.streams.alerts;

import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;

/**
 * {@link AlertLedgerTopologyTest} with matching sharded: the ledger in the match task, without the repartition,
 * and a digest-mode subscription asked of the shard's matcher.
 */
class ShardedAlertLedgerTopologyTest extends AlertLedgerTopologyTest {

    @Override
    StreamsSettings settings(Path stateDir) {
        return super.settings(stateDir).withMatchShards(1);
    }
}
