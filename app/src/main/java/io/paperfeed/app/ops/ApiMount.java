package io.paperfeed.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.consumer.api.ApiSettings;
import io.paperfeed.consumer.api.PaperfeedApi;
import io.paperfeed.consumer.sse.SseSettings;
import io.paperfeed.streams.classify.Taxonomy;
import java.io.PrintStream;
import java.util.Set;

/**
 * Mounts the subscription API and the event streams ({@code /subscriptions}, {@code /topics}) on a
 * process's HTTP server, and prints how to call them (with the token when it was generated).
 */
public final class ApiMount {

    private ApiMount() {
    }

    /** Call before {@link OpsHttpServer#start()}; close the returned API on shutdown. */
    public static PaperfeedApi mount(OpsHttpServer server, HttpOptions http, String bootstrapServers, Taxonomy taxonomy,
                                     ApiOptions options, Set<String> builtInSubscriptions, MeterRegistry registry,
                                     String service, PrintStream out) {
        String token = options.token();
        PaperfeedApi api = new PaperfeedApi(new ApiSettings(taxonomy, token, builtInSubscriptions,
                SseSettings.defaults(bootstrapServers)), registry);
        api.routes().forEach(server::route);
        String base = "http://" + http.host + ":" + server.port();
        if (options.generated()) {
            out.printf("paperfeed %s: API token %s (generated; choose one with --api-token or PAPERFEED_API_TOKEN)%n",
                    service, token);
        }
        out.printf("paperfeed %s: API at %s/subscriptions (bearer token), %s/topics, events at %s/topics/{id}/events%n",
                service, base, base, base);
        out.printf("  curl -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' "
                + "-d '{\"id\":\"kv-watch\",\"query\":\"abstract:\\\"kv cache\\\"\"}' %s/subscriptions%n",
                options.generated() ? token : "$PAPERFEED_API_TOKEN", base);
        return api;
    }
}
