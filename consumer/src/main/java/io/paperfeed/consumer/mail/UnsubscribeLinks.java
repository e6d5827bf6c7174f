package io.paperfeed.consumer.mail;

import io.paperfeed.consumer.render.LinkTokens;
import io.paperfeed.model.Subscription;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

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
        if (to == null) {
            return false;
        }
        Optional<byte[]> key = keys.apply(subscription);
        return key.isPresent() && LinkTokens.matches(token(key.get(), subscription.id(), to), token);
    }

    private static String token(byte[] key, String id, String to) {
        return LinkTokens.token(key, "unsubscribe", id, to);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
