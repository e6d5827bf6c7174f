package io.paperfeed.app.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.consumer.webhook.WebhookDeliveryService;
import io.paperfeed.consumer.webhook.WebhookSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Webhook delivery next to a command's alert consumer (docs/WEBHOOKS.md). */
public final class WebhookOptions {

    @Option(names = "--allow-loopback-webhooks", defaultValue = "${env:PAPERFEED_WEBHOOK_ALLOW_LOOPBACK:-false}",
            description = "Let webhooks reach loopback addresses (local receivers, tests); every other private, "
                    + "link-local or metadata address stays refused (env PAPERFEED_WEBHOOK_ALLOW_LOOPBACK=true).")
    public boolean allowLoopback;

    /** Starts webhook delivery (group paperfeed-webhooks) and registers it to be closed with the command. */
    public WebhookDeliveryService start(Lifecycle lifecycle, String bootstrapServers, MeterRegistry registry)
            throws InterruptedException {
        WebhookDeliveryService service = lifecycle.add(
                new WebhookDeliveryService(WebhookSettings.of(bootstrapServers, allowLoopback), registry));
        service.start(Duration.ofSeconds(60));
        return service;
    }
}
