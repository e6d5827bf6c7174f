package io.paperfeed.app.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 server with its limits declared ({@link HttpSettings}): a bounded {@link QueuedThreadPool},
 * a {@link NetworkConnectionLimit} over the connector, at most so many connections per client address
 * ({@link ClientConnectionLimit}), a deadline for request headers ({@link HeaderDeadline}), an idle
 * timeout on the connector (reads and writes that make no progress), request headers and bodies
 * bounded ({@link SizeLimitHandler}), a minimum upload rate, a {@link QoSHandler} in front of the
 * expensive requests (writes, which wait for Kafka, and metric scrapes), strict URI and HTTP
 * compliance, optional TLS, and JSON error answers that echo nothing ({@link JsonErrorHandler}).
 */
final class JettyServer {

    private static final int REQUEST_HEADER_BYTES = 8 * 1024;
    private static final long MIN_UPLOAD_BYTES_PER_SECOND = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final HeaderDeadline headerDeadline;

    /** Builds and binds (a port in use fails here); {@code routes} is served once started. */
    JettyServer(HttpSettings settings, Handler routes, MeterRegistry registry) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()),
                (int) Duration.ofSeconds(60).toMillis());
        threads.setName("paperfeed-http");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(2_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        http.setMinRequestDataRate(MIN_UPLOAD_BYTES_PER_SECOND);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setUriCompliance(UriCompliance.DEFAULT);
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        if (settings.secure()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.tls().keystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(settings.tls().password());
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, plain.getProtocol()), plain);
        } else {
            connector = new ServerConnector(server, 1, 1, plain);
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.addBean(new ClientConnectionLimit(settings.maxConnectionsPerClient(), registry, threads));
        headerDeadline = new HeaderDeadline(settings.headerTimeout(), registry);
        connector.addBean(headerDeadline);
        server.addConnector(connector);
        NetworkConnectionLimit connections = new NetworkConnectionLimit(settings.maxConnections(), connector);
        server.addBean(connections);
        HttpMetrics.bind(registry, threads, connections);

        QoSHandler expensive = new QoSHandler(routes);
        expensive.setMaxRequestCount(settings.maxExpensiveRequests());
        expensive.setMaxSuspend(settings.expensiveWait());
        expensive.setMaxSuspendedRequestCount(settings.maxExpensiveRequests() * 16);
        expensive.include(JettyServer::expensive);
        SizeLimitHandler sizes = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        sizes.setHandler(expensive);
        server.setHandler(sizes);
        server.setErrorHandler(new JsonErrorHandler());
        connector.open();
    }

    /** Writes (they wait for Kafka) and metric scrapes (they walk every meter). */
    static boolean expensive(Request request) {
        return switch (request.getMethod()) {
            case "POST", "PUT", "DELETE", "PATCH" -> true;
            default -> Request.getPathInContext(request).equals("/metrics");
        };
    }

    void start() throws Exception {
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        headerDeadline.close();
        server.stop();
    }
}
