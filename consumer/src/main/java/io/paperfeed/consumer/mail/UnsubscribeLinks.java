package io.paperfeed.consumer.mail;

import io.paperfeed.model.Subscription;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-click unsubscribe links of mails (RFC 8058): {@code <public url>/unsubscribe?s=<id>&a=<address>&t=<token>},
 * where the token is an HMAC-SHA256 of the subscription id and the address under the subscription's own
 * key (derived from its read token), so a link works for its subscription and address only, and stops
 * working when the read token is rotated. A subscription without a key gets no link.
 */
public final class UnsubscribeLinks {

    private final String publicUrl;
    private final Function<Subscription, Optional<byte[]>> keys;

    /** @param keys the key of a subscription's links, or empty when it has none */
    public UnsubscribeLinks(String publicUrl, Function<Subscription, Optional<byte[]>> keys) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.keys = keys;
    }

    /** The link for mails of this subscription to this address, or empty when the subscription has no key. */
    public Optional<String> link(Subscription subscription, String to) {
        return keys.apply(subscription).map(key -> publicUrl + "/unsubscribe?s=" + encode(subscription.id()) + "&a="
                + encode(to) + "&t=" + token(key, subscription.id(), to));
    }

    /** Whether the token is the one of this subscription's links to this address (constant time). */
    public boolean verify(Subscription subscription, String to, String token) {
        if (to == null || token == null) {
            return false;
        }
        Optional<byte[]> key = keys.apply(subscription);
        return key.isPresent() && MessageDigest.isEqual(token(key.get(), subscription.id(), to)
                .getBytes(StandardCharsets.US_ASCII), token.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(byte[] key, String id, String to) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("unsubscribe\n" + id + "\n" + to).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
