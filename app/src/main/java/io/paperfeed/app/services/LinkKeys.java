package io.paperfeed.app.services;

import io.paperfeed.model.Subscription;
import java.util.Optional;
import java.util.function.Function;

/** The key of a subscription's unsubscribe links. */
final class LinkKeys {

    private LinkKeys() {
    }

    /** A key per subscription derived from a server secret (the API token). */
    static Function<Subscription, Optional<byte[]>> of(String serverSecret) {
        return subscription -> Optional.of(FeedAccess.sha256(serverSecret + "\nunsubscribe\n" + subscription.id()));
    }
}
