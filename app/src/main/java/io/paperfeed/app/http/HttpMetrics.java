package io.paperfeed.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server's meters: {@code paperfeed.http.threads{state=busy|total|max}},
 * {@code paperfeed.http.connections} (open now) and {@code paperfeed.http.refused{reason}}
 * (connections closed by a limit: {@code per-client}, {@code slow-headers}).
 */
final class HttpMetrics {

    private HttpMetrics() {
    }

    static Counter refused(MeterRegistry registry, String reason) {
        return Counter.builder("paperfeed.http.refused")
                .description("HTTP connections closed by a limit (per-client: too many from one address; "
                        + "slow-headers: headers not in within the deadline)")
                .tag("reason", reason).register(registry);
    }

    static void bind(MeterRegistry registry, QueuedThreadPool pool, NetworkConnectionLimit connections) {
        Gauge.builder("paperfeed.http.threads", pool, QueuedThreadPool::getBusyThreads).tag("state", "busy")
                .description("HTTP request threads").register(registry);
        Gauge.builder("paperfeed.http.threads", pool, QueuedThreadPool::getThreads).tag("state", "total")
                .description("HTTP request threads").register(registry);
        Gauge.builder("paperfeed.http.threads", pool, QueuedThreadPool::getMaxThreads).tag("state", "max")
                .description("HTTP request threads").register(registry);
        Gauge.builder("paperfeed.http.connections", connections, NetworkConnectionLimit::getNetworkConnectionCount)
                .description("Open HTTP connections").register(registry);
    }
}
