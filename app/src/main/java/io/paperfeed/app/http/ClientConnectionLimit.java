package io.paperfeed.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * At most {@code limit} open connections per client address: one more is closed as soon as it opens
 * (counted in {@code paperfeed.http.refused{reason=per-client}}), so one client cannot take every
 * connection the server allows. Only the outermost connection of an endpoint counts (TLS wraps HTTP).
 */
final class ClientConnectionLimit implements Connection.Listener {

    private final int limit;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<EndPoint, InetAddress> counted = new ConcurrentHashMap<>();
    private final Counter refused;
    private final Executor closer;

    /** @param closer runs the close of a refused connection (a close inside {@code onOpened} is not acted on) */
    ClientConnectionLimit(int limit, MeterRegistry registry, Executor closer) {
        this.limit = limit;
        this.closer = closer;
        this.refused = HttpMetrics.refused(registry, "per-client");
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        SocketAddress remote = endPoint.getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null
                || counted.putIfAbsent(endPoint, socket.getAddress()) != null) {
            return;
        }
        int now = open.computeIfAbsent(socket.getAddress(), a -> new AtomicInteger()).incrementAndGet();
        if (now > limit) {
            refused.increment();
            closer.execute(endPoint::close);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection.getEndPoint());
        if (address != null) {
            open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Open connections of one address (tests). */
    int open(InetAddress address) {
        AtomicInteger count = open.get(address);
        return count == null ? 0 : count.get();
    }
}
