package io.paperfeed.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Closes a connection whose request headers have not all arrived within the deadline, however
 * slowly they trickle in: the idle timeout alone never fires for a client that sends one byte every
 * few seconds (slowloris). A connection that sent nothing at all since it opened counts too; an idle
 * keep-alive connection between requests is left to the idle timeout. One sweep a second, on one
 * thread, over the open connections; closed ones are counted in
 * {@code paperfeed.http.refused{reason=slow-headers}}.
 */
final class HeaderDeadline implements Connection.Listener, AutoCloseable {

    private final long deadlineNanos;
    private final Map<HttpConnection, Long> inHeaders = new ConcurrentHashMap<>();
    private final Counter closed;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperfeed-http-header-deadline");
        t.setDaemon(true);
        return t;
    });

    HeaderDeadline(Duration deadline, MeterRegistry registry) {
        this.deadlineNanos = deadline.toNanos();
        this.closed = HttpMetrics.refused(registry, "slow-headers");
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            inHeaders.put(http, System.nanoTime());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            inHeaders.remove(http);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        inHeaders.replaceAll((connection, since) -> {
            if (!readingHeaders(connection)) {
                return now;
            }
            if (now - since > deadlineNanos) {
                closed.increment();
                connection.getEndPoint().close();
            }
            return since;
        });
    }

    /** In the middle of a request's headers, or connected without a first request yet. */
    private static boolean readingHeaders(HttpConnection connection) {
        HttpParser parser = connection.getParser();
        boolean firstNotYetIn = connection.getMessagesIn() == 0;
        return parser.inHeaderState() && (!parser.isStart() || firstNotYetIn);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
