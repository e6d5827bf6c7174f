package io.paperfeed.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paperfeed.model.Delivery;
import io.paperfeed.model.LikeItem;
import io.paperfeed.model.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsCommandTest {

    @Test
    void aListedSubscriptionShowsItsWebhookByUrlAndNeverItsSecret() {
        String secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
        Subscription s = new Subscription("hooked", null, "abstract:svd", List.of("kv-cache"),
                Subscription.Mode.INSTANT, true, List.of(Delivery.webhook("https://hooks.example/x", secret, null)))
                .disable("webhook https://hooks.example/x answered 410 Gone");

        String line = SubscriptionsCommand.line(s);
        assertEquals("hooked  instant +updates  query=abstract:svd  topics=kv-cache  deliveries=webhook "
                + "https://hooks.example/x (standard)  DISABLED (webhook https://hooks.example/x answered 410 Gone)", line);
        assertFalse(line.contains("whsec_"), line);
        assertFalse(line.contains("c2VjcmV0"), line);
    }

    @Test
    void aLikeSubscriptionShowsHowManyPapersItIsLikeNotTheirEmbeddings() {
        Subscription s = new Subscription("kan", null, null, List.of(), null, false, List.of(), false, null, null,
                List.of(LikeItem.ofPaper("arxiv:2404.19756"), LikeItem.inline("KAN 2.0", "Kolmogorov-Arnold networks.")),
                0.5);
        assertEquals("kan  instant  like=2 papers (minSimilarity 0.5)", SubscriptionsCommand.line(s));
    }
}
