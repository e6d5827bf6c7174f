package io.paperfeed.app;

import io.paperfeed.app.cli.HttpOptions;
import io.paperfeed.app.cli.KafkaOptions;
import io.paperfeed.app.cli.Lifecycle;
import io.paperfeed.app.ops.BrokerHealthCheck;
import io.paperfeed.app.ops.Metrics;
import io.paperfeed.app.ops.OpsHttpServer;
import io.paperfeed.app.ops.TopicSetup;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** What the three service commands share: metrics, the HTTP endpoints, an admin client and the topics. */
final class ServiceCommands {

    private ServiceCommands() {
    }

    /** Opens metrics, the HTTP server (not yet started) and an admin client, and ensures the topics. */
    static Ops open(Lifecycle lifecycle, String service, KafkaOptions kafka, HttpOptions http)
            throws InterruptedException {
        Metrics metrics = lifecycle.add(new Metrics(service));
        OpsHttpServer server = lifecycle.add(new OpsHttpServer(http.host, http.port, metrics));
        Admin admin = lifecycle.add(Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers)));
        server.addCheck(new BrokerHealthCheck(admin));
        TopicSetup.ensureTopics(admin);
        return new Ops(metrics, server, admin);
    }

    record Ops(Metrics metrics, OpsHttpServer server, Admin admin) {
        void start(String service, HttpOptions http) {
            server.start();
            System.out.printf("paperfeed %s: metrics at http://%s:%d/metrics, health at http://%s:%d/health%n",
                    service, http.host, server.port(), http.host, server.port());
        }
    }
}
