package io.paperfeed.producer.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A scripted HTTP server on 127.0.0.1 (JDK {@code HttpServer}, free port) that records every request
 * with its arrival time, for the fetcher and publisher tests. Nothing reaches the internet.
 */
public final class FixtureServer implements AutoCloseable {

    /** A request as received: arrival ({@link System#nanoTime()}), path, headers (lower-case names), raw query or null. */
    public record Request(long nanos, String path, Map<String, String> headers, String query) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A reply: status, headers, body; {@code chunked} sends no Content-Length; {@code delayMillis} stalls first. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean chunked, long delayMillis) {
        public static Reply ok(byte[] body, String... headers) {
            return new Reply(200, pairs(headers), body, false, 0);
        }

        public static Reply status(int status, String... headers) {
            return new Reply(status, pairs(headers), new byte[0], false, 0);
        }

        public Reply withoutLength() {
            return new Reply(status, headers, body, true, delayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, chunked, millis);
        }

        private static Map<String, String> pairs(String... kv) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                map.put(kv[i], kv[i + 1]);
            }
            return map;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();

    private FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FixtureServer start() throws IOException {
        return new FixtureServer();
    }

    /** Answers the path with the function. */
    public FixtureServer route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers the path with the replies in order; the last one repeats. */
    public FixtureServer script(String path, Reply... replies) {
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        return route(path, r -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
    }

    /**
     * Serves the current body with the current ETag and a fixed Last-Modified, answering 304 when the
     * request's If-None-Match is the current ETag.
     */
    public FixtureServer conditional(String path, Supplier<byte[]> body, Supplier<String> etag, String lastModified) {
        return route(path, r -> etag.get().equals(r.header("If-None-Match"))
                ? Reply.status(304, "ETag", etag.get())
                : Reply.ok(body.get(), "ETag", etag.get(), "Last-Modified", lastModified));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Request request = new Request(System.nanoTime(), exchange.getRequestURI().getPath(), headers,
                exchange.getRequestURI().getRawQuery());
        requests.add(request);
        Reply reply = routes.getOrDefault(request.path(), r -> Reply.status(404)).apply(request);
        if (reply.delayMillis() > 0) { // the slow server a test asked for: answered later, the handler thread free
            delayed.schedule(() -> respond(exchange, reply), reply.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            respond(exchange, reply);
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) {
        try (exchange) {
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean noBody = reply.body().length == 0 || reply.status() == 304;
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.chunked() ? 0 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client went away (a test's timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        delayed.shutdownNow();
        executor.shutdownNow();
    }
}
