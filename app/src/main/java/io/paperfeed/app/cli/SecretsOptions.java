package io.paperfeed.app.cli;

import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The keys webhook secrets are sealed with on {@code paperfeed.subscriptions} (docs/OPERATIONS.md):
 * {@code --secrets-key-file FILE}, else the keys themselves in {@code PAPERFEED_SECRETS_KEYS}. The
 * keys never appear in a flag, a log line or an answer.
 */
public final class SecretsOptions {

    /** The environment variable that may hold the keys ({@code id:base64key,...}). */
    public static final String KEYS_ENV = "PAPERFEED_SECRETS_KEYS";

    @Option(names = "--secrets-key-file", paramLabel = "FILE",
            description = "Keys that seal webhook secrets on the subscriptions topic, one <key id>:<base64 of 32 bytes> "
                    + "a line, the first sealing, all opening (env PAPERFEED_SECRETS_KEY_FILE; or the keys in "
                    + KEYS_ENV + ").")
    public Path keyFile;

    /** The configured keys, or {@link SecretKeys#none()}. */
    public SecretKeys keys(Map<String, String> env) {
        try {
            if (keyFile != null) {
                return SecretKeys.load(keyFile);
            }
            String fromEnv = env.get(KEYS_ENV);
            return fromEnv == null || fromEnv.isBlank() ? SecretKeys.none() : SecretKeys.parse(fromEnv, KEYS_ENV);
        } catch (IOException e) {
            throw new UserError("cannot read the secrets key file " + keyFile + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The configured keys, or one generated for this run when there are none (the demo). */
    public SubscriptionSecrets orGenerated(Map<String, String> env) {
        SecretKeys keys = keys(env);
        return new SubscriptionSecrets(keys.canSeal() ? keys : SecretKeys.generated());
    }

    public SubscriptionSecrets secrets(Map<String, String> env) {
        return new SubscriptionSecrets(keys(env));
    }
}
