package io.paperfeed.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One place a subscription's alerts are delivered to, besides the {@code paperfeed.alerts} topic.
 * A {@code webhook} needs an http(s) {@code url} and a signing {@code secret} starting {@code whsec_};
 * an {@code email} needs the address to send to, {@code to}; {@code sse} and {@code kafka} take none of
 * these. {@code toString} masks the secret.
 *
 * <p>The secret is a Standard Webhooks secret: after {@code whsec_} comes the base64 of the HMAC key
 * (at least 8 characters of it). A secret whose rest is not base64 is refused here, when the
 * subscription is read, so a typo shows up at once instead of as a signature no receiver accepts.
 * On the subscriptions topic it is {@link #isSealed sealed} (encrypted, {@code sealed:v1:<key id>:...});
 * the subscriptions module seals it when writing and opens it when reading, where the key is known.
 *
 * @param format how a webhook body is shaped: {@code standard} (the alert JSON) or {@code slack}
 *               (a Slack incoming-webhook message); default standard
 * @param to     the address an {@code email} delivery sends to: one mailbox, {@code local@domain}
 */
public record Delivery(Type type, String url, String secret, Format format,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String to) {

    /** The prefix every webhook secret starts with. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The prefix of a secret sealed (encrypted) for the subscriptions topic. */
    public static final String SEALED_PREFIX = "sealed:v1:";
    private static final int MIN_SECRET_LENGTH = SECRET_PREFIX.length() + 8;
    /** One mailbox: no display name, no list, nothing a header could be split at. */
    private static final Pattern MAILBOX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public Delivery {
        Objects.requireNonNull(type, "delivery type is required (webhook, email, sse or kafka)");
        to = to == null || to.isBlank() ? null : to.strip();
        format = format == null ? Format.STANDARD : format;
        url = url == null || url.isBlank() ? null : url.strip();
        secret = secret == null || secret.isBlank() ? null : secret.strip();
        if (type == Type.WEBHOOK) {
            requireHttpUrl(url);
            if (secret != null && secret.startsWith(SEALED_PREFIX)) {
                if (secret.split(":", -1).length != 4) {
                    throw new IllegalArgumentException("a sealed webhook secret is sealed:v1:<key id>:<ciphertext>");
                }
            } else if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("a webhook needs a secret starting " + SECRET_PREFIX
                        + " with at least 8 more characters");
            } else {
                signingKey(secret);
            }
            requireNoAddress(type, to);
        } else if (type == Type.EMAIL) {
            if (to == null || !MAILBOX.matcher(to).matches()) {
                throw new IllegalArgumentException("an email delivery needs \"to\": one address, local@domain"
                        + (to == null ? "" : ", not " + to));
            }
            if (url != null || secret != null || format != Format.STANDARD) {
                throw new IllegalArgumentException("an email delivery takes only \"to\" (no url, secret or format)");
            }
        } else {
            requireNoAddress(type, to);
            if (url != null || secret != null) {
                throw new IllegalArgumentException("a " + type.json() + " delivery takes no url or secret");
            }
            if (format != Format.STANDARD) {
                throw new IllegalArgumentException("format " + format.json() + " is for webhooks only");
            }
        }
    }

    /** A delivery without an address (webhook, sse, kafka). */
    public Delivery(Type type, String url, String secret, Format format) {
        this(type, url, secret, format, null);
    }

    /** A webhook delivery. */
    public static Delivery webhook(String url, String secret, Format format) {
        return new Delivery(Type.WEBHOOK, url, secret, format);
    }

    /** Whether the secret is still sealed (read where its key is not known). */
    public boolean isSealed() {
        return secret != null && secret.startsWith(SEALED_PREFIX);
    }

    /** This delivery with another secret (sealed or opened). */
    public Delivery withSecret(String other) {
        return new Delivery(type, url, other, format);
    }

    /** The secret as answers may show it: {@code whsec_…} and nothing of the key. */
    public String maskedSecret() {
        return secret == null ? null : SECRET_PREFIX + "…";
    }

    /** An e-mail delivery to one address. */
    public static Delivery email(String to) {
        return new Delivery(Type.EMAIL, null, null, null, to);
    }

    private static void requireNoAddress(Type type, String to) {
        if (to != null) {
            throw new IllegalArgumentException("a " + type.json() + " delivery takes no \"to\" (that is for email)");
        }
    }

    /**
     * The HMAC key of a webhook secret: the base64-decoded part after {@code whsec_}.
     *
     * @throws IllegalArgumentException when that part is not base64
     */
    public static byte[] signingKey(String secret) {
        if (secret != null && secret.startsWith(SEALED_PREFIX)) {
            throw new IllegalArgumentException("the webhook secret is sealed and this process has not its key "
                    + "(--secrets-key-file or PAPERFEED_SECRETS_KEYS)");
        }
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part of a webhook secret after " + SECRET_PREFIX
                    + " must be standard base64 (A-Z, a-z, 0-9, +, /, = padding): " + e.getMessage(), e);
        }
    }

    private static void requireHttpUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("a webhook needs a url");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("a webhook url must be http or https with a host: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a webhook url is not a URL: " + url, e);
        }
    }

    @Override
    public String toString() {
        return "Delivery[type=" + type.json() + ", url=" + url + ", secret=" + (secret == null ? null : SECRET_PREFIX + "…")
                + ", format=" + format.json() + (to == null ? "" : ", to=" + to) + "]";
    }

    /** Where alerts go. */
    public enum Type {
        WEBHOOK, EMAIL, SSE, KAFKA;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type of(String value) {
            return Enums.parse(Type.class, value, "delivery type");
        }
    }

    /** The shape of a webhook body. */
    public enum Format {
        STANDARD, SLACK;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Format of(String value) {
            return Enums.parse(Format.class, value, "delivery format");
        }
    }
}
