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
 * @param requestTimeout deadline of a whole request, answer included; default 15 s, at most
 *                       {@link #MAX_REQUEST_TIMEOUT} (well below the consumers' {@code max.poll.interval.ms})
 * @param perHost        attempts running at once against one host; default {@code concurrency / 8}, at least 1,
 *                       so that a few receivers that hang never take every thread
 * @param queuedPerHost  first attempts waiting for a slot of their host before the next one is deferred to the
 *                       retry topic; default {@code 4 * perHost}
 */
public record WebhookSettings(String groupId, boolean allowLoopback, RetrySchedule schedule,
        WebhookTopicNames topics, int concurrency, Duration connectTimeout, Duration requestTimeout,
        int perHost, int queuedPerHost) {

    public static final String DEFAULT_GROUP_ID = "paperfeed-webhooks";
    /** The longest request deadline allowed: a fifth of the consumers' poll interval. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(1);
    /** The consumers' {@code max.poll.interval.ms}; the loops poll every few hundred ms whatever attempts run. */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    public WebhookSettings {
        Objects.requireNonNull(groupId, "groupId");
        schedule = schedule == null ? RetrySchedule.STANDARD : schedule;
        topics = topics == null ? WebhookTopicNames.defaults() : topics;
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        if (requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0 || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be above 0 and at most " + MAX_REQUEST_TIMEOUT
                    + ", not " + requestTimeout);
        }
        perHost = perHost <= 0 ? Math.max(1, concurrency / 8) : Math.min(perHost, concurrency);
        queuedPerHost = queuedPerHost < 0 ? 4 * perHost : queuedPerHost;
    }

    /** Settings with the per-host defaults. */
    public WebhookSettings(String groupId, boolean allowLoopback, RetrySchedule schedule, WebhookTopicNames topics,
            int concurrency, Duration connectTimeout, Duration requestTimeout) {
        this(groupId, allowLoopback, schedule, topics, concurrency, connectTimeout, requestTimeout, 0, -1);
    }

    /** The defaults: group {@code paperfeed-webhooks}, the standard schedule, 32 requests at once, 5 s / 15 s. */
    public static WebhookSettings of(boolean allowLoopback) {
        return new WebhookSettings(DEFAULT_GROUP_ID, allowLoopback, null, null, 32, null, null);
    }
}
