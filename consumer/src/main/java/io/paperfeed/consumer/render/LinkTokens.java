package io.paperfeed.consumer.render;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a signed link in a mail or feed: an HMAC-SHA256 under the subscription's link key of what
 * the link does and to what (each part on a line of its own), URL-safe base64; checked in constant time.
 */
public final class LinkTokens {

    private LinkTokens() {
    }

    /** The token of {@code purpose} and its parts, e.g. {@code ("unsubscribe", id, address)}. */
    public static String token(byte[] key, String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + "\n" + String.join("\n", parts)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether a link's token is the expected one (constant time; a missing token never is). */
    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
