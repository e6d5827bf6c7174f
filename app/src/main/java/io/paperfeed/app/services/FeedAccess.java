package io.paperfeed.app.services;

import io.paperfeed.consumer.api.ReaderApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Who may open a subscription's Atom feed: the one holding the API token. */
final class FeedAccess {

    private FeedAccess() {
    }

    static ReaderApi.AtomFeedsAccess of(String apiToken) {
        byte[] expected = sha256(apiToken);
        return (subscription, token) -> token != null && MessageDigest.isEqual(expected, sha256(token.strip()));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
