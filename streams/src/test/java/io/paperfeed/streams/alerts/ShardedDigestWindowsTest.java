package io.paperfeed.streams.alerts;

import io.paperfeed.streams.StreamsSettings;
import java.nio.file.Path;

/** {@link DigestWindowsTest} with matching sharded: digest mode is asked of the shard's matcher. */
class ShardedDigestWindowsTest extends DigestWindowsTest {

    @Override
    StreamsSettings settings(Path stateDir, DigestWindows.Settings windows) {
        return super.settings(stateDir, windows).withMatchShards(1);
    }
}
