package io.paperfeed.app.cli;

import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine.Option;

/** The bearer token of the subscription API. */
public final class ApiOptions {

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Bearer token the /subscriptions API requires (env PAPERFEED_API_TOKEN); "
                    + "without one, a random token is generated and printed at start.")
    public String apiToken;

    private String generatedToken;

    /** Whether no token was configured, so {@link #token()} generates one. */
    public boolean generated() {
        return apiToken == null || apiToken.isBlank();
    }

    /** The configured token, or a random one ({@code pf_} and 32 random bytes, base64url), chosen once. */
    public synchronized String token() {
        if (!generated()) {
            return apiToken.strip();
        }
        if (generatedToken == null) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            generatedToken = "pf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return generatedToken;
    }
}
