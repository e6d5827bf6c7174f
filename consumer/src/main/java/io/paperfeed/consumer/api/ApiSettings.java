package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP API.
 *
 * @param taxonomy             the topics ({@code GET /topics}, and the ids a subscription may name)
 * @param apiToken             the admin bearer token every {@code /subscriptions} call must carry (a
 *                             subscription's event stream also opens with its own read token)
 * @param builtInSubscriptions ids whose alert streams exist without a record on the subscriptions
 *                             topic (the streams app's built-in {@code all-papers}); their streams are public
 * @param sse                  the event streams (Kafka, heartbeat, client buffer)
 * @param secrets              seals webhook secrets before they are written (none: webhooks are refused)
 */
public record ApiSettings(Taxonomy taxonomy, String apiToken, Set<String> builtInSubscriptions, SseSettings sse,
                          SubscriptionSecrets secrets) {

    public ApiSettings {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(apiToken, "apiToken");
        builtInSubscriptions = Set.copyOf(builtInSubscriptions);
        Objects.requireNonNull(sse, "sse");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** Settings without a secrets key: subscriptions with webhooks are refused. */
    public ApiSettings(Taxonomy taxonomy, String apiToken, Set<String> builtInSubscriptions, SseSettings sse) {
        this(taxonomy, apiToken, builtInSubscriptions, sse, new SubscriptionSecrets(SecretKeys.none()));
    }

    @Override
    public String toString() {
        return "ApiSettings[taxonomy=" + taxonomy.topics().size() + " topics, apiToken=***, builtIn="
                + builtInSubscriptions + ", secrets=" + secrets.keys() + "]";
    }
}
