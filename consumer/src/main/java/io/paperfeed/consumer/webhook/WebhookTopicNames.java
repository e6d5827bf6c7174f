package io.paperfeed.consumer.webhook;

import io.paperfeed.model.topics.Topics;

/** The four topics webhook delivery reads and writes; tests give each run its own. */
public record WebhookTopicNames(String alerts, String subscriptions, String retry, String deadLetters) {

    /** paperfeed's topics. */
    public static WebhookTopicNames defaults() {
        return new WebhookTopicNames(Topics.ALERTS.name(), Topics.SUBSCRIPTIONS.name(), Topics.ALERTS_RETRY.name(),
                Topics.ALERTS_DLQ.name());
    }

    /** {@code prefix.alerts}, {@code prefix.subscriptions}, … for tests and benchmarks on a shared broker. */
    public static WebhookTopicNames prefixed(String prefix) {
        return new WebhookTopicNames(prefix + ".alerts", prefix + ".subscriptions", prefix + ".alerts.retry",
                prefix + ".alerts.dlq");
    }
}
