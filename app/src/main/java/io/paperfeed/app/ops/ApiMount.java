package io.paperfeed.app.ops;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.consumer.api.ApiSettings;
import io.paperfeed.consumer.api.PaperfeedApi;
import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.subscriptions.SubscriptionView;
import io.paperfeed.subscriptions.like.PaperLookup;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.util.Set;

/**
 * Mounts the subscription API and the event streams ({@code /subscriptions}, {@code /topics}) on a
 * process's HTTP server, and prints how to call them (with the token when it was generated).
 */
public final class ApiMount {

    private ApiMount() {
    }

    /**
     * Call before the server starts; close the returned API on shutdown.
     *
     * @param recentPapers what like lists and ratings resolve paper ids against (the process's recent papers)
     */
    public static PaperfeedApi mount(ServiceContext context, Taxonomy taxonomy, ApiOptions options,
                                     SubscriptionView view, Set<String> builtInSubscriptions, PaperLookup recentPapers) {
        String token = options.token();
        PaperfeedApi api = new PaperfeedApi(new ApiSettings(taxonomy, token, builtInSubscriptions,
                SseSettings.defaults(context.clients()), view.secrets()), view, recentPapers,
                context.metrics().registry());
        api.routes().forEach(context.server()::route);
        String base = context.baseUrl();
        String service = context.service();
        if (options.generated()) {
            context.out().printf("paperfeed %s: API token %s (generated; choose one with --api-token or "
                    + "PAPERFEED_API_TOKEN)%n", service, token);
        }
        context.out().printf("paperfeed %s: API at %s/subscriptions (bearer token), %s/topics, events at "
                + "%s/topics/{id}/events%n", service, base, base, base);
        context.out().printf("  curl -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' "
                + "-d '{\"id\":\"kv-watch\",\"query\":\"abstract:\\\"kv cache\\\"\"}' %s/subscriptions%n",
                options.generated() ? token : "$PAPERFEED_API_TOKEN", base);
        return api;
    }
}
