package io.paperfeed.app.services;

import io.paperfeed.model.Subscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key of a subscription's unsubscribe links: its read token's hash when it has a read token (so
 * rotating the token revokes the links of mails already sent), else one derived from a server secret
 * (subscriptions loaded from a file have no read token).
 */
final class LinkKeys {

    private LinkKeys() {
    }

    static Function<Subscription, Optional<byte[]>> of(String serverSecret) {
        return subscription -> Optional.of(subscription.readTokenHash() != null
                ? HexFormat.of().parseHex(subscription.readTokenHash())
                : sha256(serverSecret + "\nunsubscribe\n" + subscription.id()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
