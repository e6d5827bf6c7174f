package io.paperfeed.streams.meaning;

import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;

/**
 * {@link EmbedStepTest} with matching sharded ({@code --match-shards 1}, the topology test driver's one
 * partition): like lists and ratings reach the shard's matcher through the global loaders, and the embed
 * step still knows when a profile needs papers embedded.
 */
class ShardedEmbedStepTest extends EmbedStepTest {

    @Override
    StreamsSettings settings(Path stateDir) {
        return super.settings(stateDir).withMatchShards(1);
    }
}
