package io.paperfeed.consumer.api;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The API on a JDK HTTP server bound to 127.0.0.1 with a cached pool, as the app's OpsHttpServer mounts it. */
public final class ApiTestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final PaperfeedApi api;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public ApiTestServer(ApiSettings settings) throws IOException {
        api = new PaperfeedApi(settings, registry);
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
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        api.close();
    }
}
