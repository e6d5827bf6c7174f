package io.paperfeed.app.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperfeed.app.cli.UserError;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a paperfeed process: routes mounted by path ({@link #route}) on a
 * {@link JettyServer} with declared limits. Binding happens in the constructor, so a port in use is
 * one clear line before anything else starts.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpSettings settings;
    private final Routes routes = new Routes();
    private final JettyServer jetty;

    public HttpServer(HttpSettings settings, MeterRegistry registry) {
        this.settings = settings;
        try {
            jetty = new JettyServer(settings, routes, registry);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new UserError("port " + settings.port() + " on " + settings.host() + " is already in use "
                        + "(choose another with --port, or --port 0 for a free one)");
            }
            throw new UserError("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserError("cannot set up HTTP" + (settings.secure() ? "S with keystore " + settings.tls().keystore()
                    : "") + ": " + e.getMessage());
        }
    }

    /** Serves {@code path} and everything under it with {@code handler} ({@code /}: only itself). */
    public void route(String path, Handler handler) {
        routes.put(path, handler);
    }

    /** Serves {@code path} only, nothing under it. */
    public void routeExactly(String path, Handler handler) {
        routes.putExact(path, handler);
    }

    public void start() {
        try {
            jetty.start();
        } catch (Exception e) {
            throw new UserError("cannot start the HTTP server: " + e.getMessage());
        }
    }

    public int port() {
        return jetty.port();
    }

    public String scheme() {
        return settings.secure() ? "https" : "http";
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
