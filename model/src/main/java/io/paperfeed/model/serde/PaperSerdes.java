package io.paperfeed.model.serde;

import io.paperfeed.model.Alert;
import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.DedupDecision;
import io.paperfeed.model.Digest;
import io.paperfeed.model.MailDeadLetter;
import io.paperfeed.model.MailRetry;
import io.paperfeed.model.InvalidItem;
import io.paperfeed.model.PaperEvent;
import io.paperfeed.model.Rating;
import io.paperfeed.model.Subscription;
import io.paperfeed.model.WebhookDeadLetter;
import io.paperfeed.model.WebhookRetry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** One serde per event type. */
public final class PaperSerdes {

    public static final Serde<String> KEY = Serdes.String();
    public static final JsonSerde<PaperEvent> PAPER_EVENT = new JsonSerde<>(PaperEvent.class);
    public static final JsonSerde<CanonicalPaper> CANONICAL_PAPER = new JsonSerde<>(CanonicalPaper.class);
    public static final JsonSerde<Alert> ALERT = new JsonSerde<>(Alert.class);
    public static final JsonSerde<Digest> DIGEST = new JsonSerde<>(Digest.class);
    public static final JsonSerde<MailRetry> MAIL_RETRY = new JsonSerde<>(MailRetry.class);
    public static final JsonSerde<MailDeadLetter> MAIL_DEAD_LETTER = new JsonSerde<>(MailDeadLetter.class);
    public static final JsonSerde<InvalidItem> INVALID_ITEM = new JsonSerde<>(InvalidItem.class);
    public static final JsonSerde<DedupDecision> DEDUP_DECISION = new JsonSerde<>(DedupDecision.class);
    public static final JsonSerde<Subscription> SUBSCRIPTION = new JsonSerde<>(Subscription.class);
    public static final JsonSerde<Rating> RATING = new JsonSerde<>(Rating.class);
    public static final JsonSerde<WebhookRetry> WEBHOOK_RETRY = new JsonSerde<>(WebhookRetry.class);
    public static final JsonSerde<WebhookDeadLetter> WEBHOOK_DEAD_LETTER = new JsonSerde<>(WebhookDeadLetter.class);

    private PaperSerdes() {
    }
}
