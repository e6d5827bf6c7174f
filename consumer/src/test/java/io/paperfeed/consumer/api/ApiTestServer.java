package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperfeed.model.topics.Topics;
import io.paperfeed.subscriptions.SubscriptionValidator;
import io.paperfeed.subscriptions.SubscriptionView;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The API on a JDK HTTP server bound to 127.0.0.1 with a cached pool, as the app's OpsHttpServer mounts it. */
public final class ApiTestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final PaperfeedApi api;
    private final SubscriptionView view;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public ApiTestServer(ApiSettings settings) throws IOException, InterruptedException {
        view = SubscriptionView.open(settings.sse().clients(), "test-api-view", Topics.SUBSCRIPTIONS.name(),
                SubscriptionValidator.of(settings.taxonomy())).bindTo(registry).start();
        if (!view.awaitCaughtUp(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the subscriptions topic was not read within 30 s");
        }
        api = new PaperfeedApi(settings, view, registry);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        api.routes().forEach(server::createContext);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        api.close();
        view.close();
    }
}
