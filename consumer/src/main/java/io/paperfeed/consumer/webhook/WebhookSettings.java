package io.paperfeed.consumer.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of webhook delivery.
 *
 * @param groupId        consumer group of {@code paperfeed.alerts}; the retry worker uses {@code groupId + "-retry"}
 * @param allowLoopback  let webhooks reach loopback addresses (tests, local receivers); all other private
 *                       ranges stay refused
 * @param concurrency    requests in flight at once (and HTTP connections in the pool)
 * @param connectTimeout TCP (and TLS) connect timeout; default 5 s
 * @param requestTimeout deadline of a whole request, answer included; default 15 s
 */
public record WebhookSettings(String groupId, boolean allowLoopback, RetrySchedule schedule,
        WebhookTopicNames topics, int concurrency, Duration connectTimeout, Duration requestTimeout) {

    public static final String DEFAULT_GROUP_ID = "paperfeed-webhooks";

    public WebhookSettings {
        Objects.requireNonNull(groupId, "groupId");
        schedule = schedule == null ? RetrySchedule.STANDARD : schedule;
        topics = topics == null ? WebhookTopicNames.defaults() : topics;
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
    }

    /** The defaults: group {@code paperfeed-webhooks}, the standard schedule, 32 requests at once, 5 s / 15 s. */
    public static WebhookSettings of(boolean allowLoopback) {
        return new WebhookSettings(DEFAULT_GROUP_ID, allowLoopback, null, null, 32, null, null);
    }
}
