package io.paperfeed.app.services;

import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.ops.BrokerHealthCheck;
import io.paperfeed.app.ops.Metrics;
import io.paperfeed.app.ops.OpsHttpServer;
import io.paperfeed.app.ops.TopicSetup;
import io.paperfeed.kafka.KafkaClients;
import io.paperfeed.subscriptions.taxonomy.Taxonomy;
import java.io.PrintStream;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every paperfeed process has: its lifecycle, the Kafka clients, metrics, the HTTP server for
 * {@code /metrics} and {@code /health} (not yet started, so routes can still be mounted), an admin client
 * (checked by {@code /health}) and where its console lines go. The services are assembled on it, the same
 * way in each command and in the demo.
 */
public record ServiceContext(String service, Lifecycle lifecycle, KafkaClients clients, Metrics metrics,
                             OpsHttpServer server, Admin admin, HttpOptions http, PrintStream out) {

    /** The metrics and the HTTP server, bound at once so that a port in use is reported before anything starts. */
    public record Endpoint(Metrics metrics, OpsHttpServer server) {

        public static Endpoint bind(String service, Lifecycle lifecycle, HttpOptions http) {
            Metrics metrics = lifecycle.add(new Metrics(service));
            return new Endpoint(metrics, lifecycle.add(new OpsHttpServer(http.settings(), metrics)));
        }
    }

    /** Opens metrics, the HTTP server and an admin client, and ensures paperfeed's topics. */
    public static ServiceContext open(String service, Lifecycle lifecycle, KafkaClients clients, HttpOptions http,
                                      PrintStream out) throws InterruptedException {
        return open(service, lifecycle, Endpoint.bind(service, lifecycle, http), clients, http, null, out);
    }

    /** As {@link #open(String, Lifecycle, KafkaClients, HttpOptions, PrintStream)}, and the taxonomy's topic streams. */
    public static ServiceContext open(String service, Lifecycle lifecycle, KafkaClients clients, HttpOptions http,
                                      Taxonomy taxonomy, PrintStream out) throws InterruptedException {
        return open(service, lifecycle, Endpoint.bind(service, lifecycle, http), clients, http, taxonomy, out);
    }

    /** On an endpoint bound earlier: an admin client, and the topics (the taxonomy's too, unless it is null). */
    public static ServiceContext open(String service, Lifecycle lifecycle, Endpoint endpoint, KafkaClients clients,
                                      HttpOptions http, Taxonomy taxonomy, PrintStream out) throws InterruptedException {
        Metrics metrics = endpoint.metrics();
        OpsHttpServer server = endpoint.server();
        Admin admin = lifecycle.add(clients.admin());
        server.addCheck(new BrokerHealthCheck(admin));
        if (taxonomy == null) {
            TopicSetup.ensureTopics(admin);
        } else {
            TopicSetup.ensureTopics(admin, taxonomy);
        }
        return new ServiceContext(service, lifecycle, clients, metrics, server, admin, http, out);
    }

    /** Starts the HTTP server and says where it listens. */
    public void startHttp() {
        server.start();
        out.printf("paperfeed %s: metrics at %s/metrics, health at %s/health%n", service, baseUrl(), baseUrl());
    }

    /** {@code http://host:port} (or {@code https://}) of the HTTP server (its port once bound). */
    public String baseUrl() {
        return server.scheme() + "://" + http.host + ":" + server.port();
    }
}
