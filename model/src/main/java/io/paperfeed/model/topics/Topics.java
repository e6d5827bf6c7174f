package io.paperfeed.model.topics;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.Digest;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.MailDeadLetter;
import io.paperfeed.model.MailRetry;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import io.paperfeed.model.serde.PaperSerdes;
import java.util.List;

/** The registry of paperfeed's Kafka topics; docs/EVENTS.md documents each one. */
public final class Topics {

    /** Sightings as the producer parsed them; key: source item key ({@code path#position}). */
    public static final Topic<String, PaperEvent> PAPERS_RAW =
            new Topic<>("paperfeed.papers.raw", PaperSerdes.KEY, PaperSerdes.PAPER_EVENT, false);

    /** Items that could not become papers, from the producer or the streams app; key: item key. */
    public static final Topic<String, InvalidItem> PAPERS_INVALID =
            new Topic<>("paperfeed.papers.invalid", PaperSerdes.KEY, PaperSerdes.INVALID_ITEM, false);

    /** One record per paper change (NEW, UPDATED); key: canonical paper id. */
    public static final Topic<String, CanonicalPaper> PAPERS_CANONICAL =
            new Topic<>("paperfeed.papers.canonical", PaperSerdes.KEY, PaperSerdes.CANONICAL_PAPER, true);

    /** One decision per sighting: new paper, merged (and why), or exact repeat; key: item key. */
    public static final Topic<String, DedupDecision> DEDUP_DECISIONS =
            new Topic<>("paperfeed.dedup.decisions", PaperSerdes.KEY, PaperSerdes.DEDUP_DECISION, false);

    /**
     * The de-duplicator's own messages between its partitions (docs/ARCHITECTURE.md, partitioned dedup):
     * binary, keyed by a 64-bit evidence key or paper ref whose top 32 bits choose the partition. Its
     * partition count is dedup's parallelism and is fixed once the streams app has state.
     */
    public static final Topic<Long, byte[]> DEDUP_EXCHANGE =
            new Topic<>("paperfeed.dedup.exchange", org.apache.kafka.common.serialization.Serdes.Long(),
                    org.apache.kafka.common.serialization.Serdes.ByteArray(), false);

    /** Canonical papers with their topics; key: canonical paper id. */
    public static final Topic<String, CanonicalPaper> PAPERS_CLASSIFIED =
            new Topic<>("paperfeed.papers.classified", PaperSerdes.KEY, PaperSerdes.CANONICAL_PAPER, true);

    /** One alert per (subscription, paper); key: subscription id. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("paperfeed.alerts", PaperSerdes.KEY, PaperSerdes.ALERT, false);

    /** Webhook deliveries waiting for their next attempt (docs/WEBHOOKS.md); key: subscription id. */
    public static final Topic<String, WebhookRetry> ALERTS_RETRY =
            new Topic<>("paperfeed.alerts.retry", PaperSerdes.KEY, PaperSerdes.WEBHOOK_RETRY, false);

    /** Alerts a webhook did not take, with the last error; key: subscription id. */
    public static final Topic<String, WebhookDeadLetter> ALERTS_DLQ =
            new Topic<>("paperfeed.alerts.dlq", PaperSerdes.KEY, PaperSerdes.WEBHOOK_DEAD_LETTER, false);

    /** Subscriptions, the latest version per id; a tombstone deletes one; key: subscription id. */
    public static final Topic<String, Subscription> SUBSCRIPTIONS =
            new Topic<>("paperfeed.subscriptions", PaperSerdes.KEY, PaperSerdes.SUBSCRIPTION, true);

    /** One digest per (subscription in digest mode, day); key: subscription id. */
    public static final Topic<String, Digest> DIGESTS =
            new Topic<>("paperfeed.digests", PaperSerdes.KEY, PaperSerdes.DIGEST, false);

    /** Ratings of papers per subscription, the latest per (subscription, paper); key: {@code <subscription>|<paper>}. */
    public static final Topic<String, Rating> FEEDBACK =
            new Topic<>("paperfeed.feedback", PaperSerdes.KEY, PaperSerdes.RATING, true);

    /** E-mails waiting for their next attempt; key: subscription id. */
    public static final Topic<String, MailRetry> MAIL_RETRY =
            new Topic<>("paperfeed.mail.retry", PaperSerdes.KEY, PaperSerdes.MAIL_RETRY, false);

    /** E-mails that could not be delivered, with the last error; key: subscription id. */
    public static final Topic<String, MailDeadLetter> MAIL_DLQ =
            new Topic<>("paperfeed.mail.dlq", PaperSerdes.KEY, PaperSerdes.MAIL_DEAD_LETTER, false);

    private Topics() {
    }

    /** The stream of one taxonomy topic's classified papers, {@code paperfeed.topic.<id>} (key: paper id). */
    public static Topic<String, CanonicalPaper> topicStream(String topicId) {
        return new Topic<>("paperfeed.topic." + topicId, PaperSerdes.KEY, PaperSerdes.CANONICAL_PAPER, false);
    }

    /** Every topic paperfeed creates at start-up. */
    public static List<Topic<?, ?>> all() {
        return List.of(PAPERS_RAW, PAPERS_INVALID, PAPERS_CANONICAL, DEDUP_DECISIONS, DEDUP_EXCHANGE, PAPERS_CLASSIFIED, ALERTS,
                ALERTS_RETRY, ALERTS_DLQ, DIGESTS, SUBSCRIPTIONS, FEEDBACK, MAIL_RETRY, MAIL_DLQ);
    }
}
