package io.paperfeed.consumer.webhook;

import io.paperfeed.model.Delivery;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies as the Standard Webhooks specification says: {@code v1,} followed by the
 * base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed with the base64-decoded part of the
 * {@code whsec_} secret.
 */
public final class WebhookSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} + base64 */
    public WebhookSigner(String secret) {
        this.key = new SecretKeySpec(Delivery.signingKey(secret), ALGORITHM);
    }

    /** The {@code webhook-signature} header value for one message. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        Mac mac = mac();
        mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
