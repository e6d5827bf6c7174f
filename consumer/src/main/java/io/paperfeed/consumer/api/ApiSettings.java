package io.paperfeed.consumer.api;

import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP API.
 *
 * @param taxonomy             the topics ({@code GET /topics}, and the ids a subscription may name)
 * @param apiToken             the bearer token every {@code /subscriptions} call must carry
 * @param builtInSubscriptions ids whose alert streams exist without a record on the subscriptions
 *                             topic (the streams app's built-in {@code all-papers})
 * @param sse                  the event streams (Kafka, heartbeat, client buffer)
 */
public record ApiSettings(Taxonomy taxonomy, String apiToken, Set<String> builtInSubscriptions, SseSettings sse) {

    public ApiSettings {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(apiToken, "apiToken");
        builtInSubscriptions = Set.copyOf(builtInSubscriptions);
        Objects.requireNonNull(sse, "sse");
    }
}
