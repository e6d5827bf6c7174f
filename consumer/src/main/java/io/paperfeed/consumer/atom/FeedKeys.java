package io.paperfeed.consumer.atom;

/** The keys of the feeds in a {@link FeedStore}: one per taxonomy topic, one per subscription. */
public final class FeedKeys {

    private FeedKeys() {
    }

    public static String topic(String topicId) {
        return "topic/" + topicId;
    }

    public static String subscription(String subscriptionId) {
        return "subscription/" + subscriptionId;
    }
}
