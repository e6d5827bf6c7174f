package io.paperfeed.app.cli;

import io.paperfeed.consumer.webhook.RetrySchedule;
import io.paperfeed.consumer.webhook.WebhookSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Webhook delivery next to a command's alert consumer (docs/WEBHOOKS.md). */
public final class WebhookOptions {

    @Option(names = "--allow-loopback-webhooks", negatable = true, fallbackValue = "true", defaultValue = "false",
            description = "Let webhooks reach loopback addresses (local receivers, tests); every other private, "
                    + "link-local or metadata address stays refused (env PAPERFEED_WEBHOOK_ALLOW_LOOPBACK=true; the flag sets it, "
                    + "--no-allow-loopback-webhooks clears it, whatever the environment says).")
    public boolean allowLoopback;

    @Option(names = "--webhook-concurrency", paramLabel = "N", defaultValue = "32",
            description = "Webhook requests in flight at once (env PAPERFEED_WEBHOOK_CONCURRENCY; default ${DEFAULT-VALUE}).")
    public int concurrency;

    @Option(names = "--webhook-per-host", paramLabel = "N", defaultValue = "0",
            description = "Requests at once to one receiver host; 0 for concurrency / 8 "
                    + "(env PAPERFEED_WEBHOOK_PER_HOST; default ${DEFAULT-VALUE}).")
    public int perHost;

    @Option(names = "--webhook-request-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Deadline of one webhook request, answer included, at most 60 "
                    + "(env PAPERFEED_WEBHOOK_REQUEST_TIMEOUT; default ${DEFAULT-VALUE}).")
    public double requestTimeoutSeconds;

    @Option(names = "--webhook-retry-delays", paramLabel = "DELAYS",
            description = "Waits before the 2nd, 3rd, ... attempt, e.g. 5s,5m,30m,2h (env PAPERFEED_WEBHOOK_RETRY_DELAYS; "
                    + "default: the Standard Webhooks schedule 5s,5m,30m,2h,5h,10h,10h).")
    public String retryDelays;

    /** The delivery settings: group paperfeed-webhooks and the options above. */
    public WebhookSettings settings() {
        RetrySchedule schedule = retryDelays == null || retryDelays.isBlank() ? RetrySchedule.STANDARD
                : new RetrySchedule(delays(retryDelays), RetrySchedule.STANDARD.jitter());
        try {
            return new WebhookSettings(WebhookSettings.DEFAULT_GROUP_ID, allowLoopback, schedule, null, concurrency,
                    null, Duration.ofMillis(Math.round(requestTimeoutSeconds * 1000)), perHost, -1);
        } catch (IllegalArgumentException e) {
            throw new UserError("webhook options: " + e.getMessage());
        }
    }

    /** {@code 5s,5m,2h} as durations. */
    static List<Duration> delays(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                String unit = p.matches("\\d+(\\.\\d+)?") ? p + "s" : p;
                delays.add(Duration.parse("PT" + unit.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw new UserError("--webhook-retry-delays: " + part + " is not a delay like 5s, 5m or 2h");
            }
        }
        if (delays.isEmpty()) {
            throw new UserError("--webhook-retry-delays needs at least one delay");
        }
        return delays;
    }
}
