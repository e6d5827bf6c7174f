package io.paperfeed.consumer.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.consumer.recent.RecentPapers;
import io.paperfeed.consumer.recent.RecentPapersReader;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The API on a Jetty server bound to 127.0.0.1 with a bounded pool, mounted by {@link PaperfeedApi#handler()} as the app
 * mounts it, with the recent papers read from the broker as the app reads them.
 */
public final class ApiTestServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final PaperfeedApi api;
    private final SubscriptionView view;
    private final RecentPapers recent = new RecentPapers(Duration.ofDays(30), 10_000, Clock.systemUTC());
    private final RecentPapersReader recentReader;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public ApiTestServer(ApiSettings settings) throws Exception {
        view = SubscriptionView.open(settings.sse().clients(), "test-api-view", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.of(settings.taxonomy()), settings.secrets()).bindTo(registry).start();
        if (!view.awaitCaughtUp(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the subscriptions topic was not read within 30 s");
        }
        recentReader = new RecentPapersReader(settings.sse().clients(), recent, Clock.systemUTC()).start();
        api = new PaperfeedApi(settings, view, recent, registry);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("api-test-http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(api.handler());
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws Exception {
        api.close();
        server.stop();
        view.close();
        recentReader.close();
        recent.close();
    }
}
