package io.paperfeed.app.cli;

import io.paperfeed.consumer.webhook.WebhookSettings;
import picocli.CommandLine.Option;

/** Webhook delivery next to a command's alert consumer (docs/WEBHOOKS.md). */
public final class WebhookOptions {

    @Option(names = "--allow-loopback-webhooks", negatable = true, fallbackValue = "true", defaultValue = "false",
            description = "Let webhooks reach loopback addresses (local receivers, tests); every other private, "
                    + "link-local or metadata address stays refused (env PAPERFEED_WEBHOOK_ALLOW_LOOPBACK=true; the flag sets it, "
                    + "--no-allow-loopback-webhooks clears it, whatever the environment says).")
    public boolean allowLoopback;

    /** The delivery settings: group paperfeed-webhooks, the standard retry schedule. */
    public WebhookSettings settings() {
        return WebhookSettings.of(allowLoopback);
    }
}
