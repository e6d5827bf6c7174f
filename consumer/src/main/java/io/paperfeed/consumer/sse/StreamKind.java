package io.paperfeed.consumer.sse;

import java.util.Locale;

/** The two kinds of event stream: a taxonomy topic's papers, or one subscription's alerts. */
public enum StreamKind {
    /** {@code GET /topics/{id}/events}: {@code event: paper} from {@code paperfeed.topic.<id>}. */
    TOPIC("paper"),
    /** {@code GET /subscriptions/{id}/events}: {@code event: alert} from {@code paperfeed.alerts}, key = id. */
    SUBSCRIPTION("alert");

    private final String eventName;

    StreamKind(String eventName) {
        this.eventName = eventName;
    }

    /** The SSE {@code event:} name. */
    public String eventName() {
        return eventName;
    }

    /** The {@code stream} tag of the SSE metrics: {@code topic} or {@code subscription}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
