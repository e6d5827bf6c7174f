package io.paperfeed.consumer.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured API token. Both sides are
 * hashed (SHA-256) and compared with {@link MessageDigest#isEqual}, so the time taken says nothing
 * about the token, not even its length.
 */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerAuth(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the API token must not be blank");
        }
        this.expected = sha256(token);
    }

    /** @throws ApiError 401 with {@code WWW-Authenticate} when the token is missing or wrong */
    void check(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized("missing bearer token: send Authorization: Bearer <API token>", null);
        }
        if (!MessageDigest.isEqual(expected, sha256(header.substring(PREFIX.length()).strip()))) {
            throw unauthorized("wrong API token", "invalid_token");
        }
    }

    /** Whether a token given another way (a feed's {@code ?token=}) is the API token; constant time. */
    boolean matches(String token) {
        return token != null && MessageDigest.isEqual(expected, sha256(token.strip()));
    }

    private static ApiError unauthorized(String message, String oauthError) {
        String challenge = "Bearer realm=\"paperfeed\"" + (oauthError == null ? "" : ", error=\"" + oauthError + "\"");
        return new ApiError(401, "unauthorized", message).header("WWW-Authenticate", challenge);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
