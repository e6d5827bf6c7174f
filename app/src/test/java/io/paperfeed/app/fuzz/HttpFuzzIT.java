package io.paperfeed.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.app.cli.ApiOptions;
import io.paperfeed.app.cli.ReaderOptions;
import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.ops.LatestAlerts;
import io.paperfeed.app.ops.StatusPage;
import io.paperfeed.app.services.ConsumerRole;
import io.paperfeed.app.services.ServiceContext;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.subscriptions.SecretKeys;
import io.paperfeed.subscriptions.SubscriptionSecrets;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import io.paperfeed.subscriptions.taxonomy.TopicDefinition;
import io.paperfeed.broker.EmbeddedKafkaBroker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code paperfeed fuzz --target}: the consumer's HTTP side as the services
 * assemble it (API, event streams, status page, /health, /metrics on the hardened server) against a
 * real broker of its own, 150 hostile requests to each endpoint: no 5xx but 503/501/505, no bug caught.
 */
class HttpFuzzIT {

    /** A broker of its own: the subscriptions the fuzz writes must not reach other tests' pipelines. */
    @Test
    void everyEndpointAnswersHostileRequestsWithAClearStatus() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); Lifecycle lifecycle = new Lifecycle()) {
            HttpOptions http = new HttpOptions();
            http.host = "127.0.0.1";
            http.port = 0;
            http.maxThreads = 32;
            http.maxConnections = 1000;
            http.maxConnectionsPerClient = 256;
            http.idleTimeoutSeconds = 30;
            http.headerTimeoutSeconds = 10;
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            Taxonomy taxonomy = Taxonomy.defaults();
            ServiceContext context = ServiceContext.open("fuzz", lifecycle, clients, http, taxonomy,
                    new PrintStream(OutputStream.nullOutputStream()));
            ApiOptions api = new ApiOptions();
            api.apiToken = "fuzz-token";
            ConsumerRole role = ConsumerRole.mount(context, taxonomy, api, new ReaderOptions(), Set.of("all-papers"),
                    new SubscriptionSecrets(SecretKeys.generated()));
            StatusPage.mount(context.server(), context.metrics().registry(),
                    lifecycle.add(new LatestAlerts(clients, 20, Set.of("all-papers"))), "all-papers");
            context.startHttp();
            assertTrue(role.view().awaitCaughtUp(Duration.ofSeconds(30)));

            List<String> topics = taxonomy.topics().stream().map(TopicDefinition::id).toList();
            List<FuzzTally> tallies = new HttpFuzz(URI.create(context.baseUrl()), "fuzz-token", topics, 8).run(150, 3);
            for (FuzzTally tally : tallies) {
                assertEquals(0, tally.failed(), tally.line() + " " + tally.failures());
            }
            assertEquals(HostileRequests.endpoints().size() + 1, tallies.size());
        }
    }
}
