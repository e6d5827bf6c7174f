package io.paperfeed.consumer.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 for tests: verifies every request's Standard Webhooks signature on
 * its own (not through {@link WebhookSigner}), records it, and answers as scripted per path.
 */
final class ScriptedReceiver implements AutoCloseable {

    /** What to answer to the n-th request (1-based) carrying one webhook-id, on one path. */
    @FunctionalInterface
    interface Script {
        Answer answer(int attemptOfThisId, int requestOfThisPath);
    }

    /**
     * A status, after waiting {@code hangMillis} first when it is positive; {@code closeAfterHang} closes
     * the connection after the wait without an answer. Optional Retry-After.
     */
    record Answer(int status, long hangMillis, String retryAfter, boolean closeAfterHang) {
        static Answer status(int status) {
            return new Answer(status, 0, null, false);
        }

        static Answer retryAfter(int status, String seconds) {
            return new Answer(status, 0, seconds, false);
        }

        /** Hangs up for {@code millis}, then closes without an answer. */
        static Answer hang(long millis) {
            return new Answer(200, millis, null, true);
        }

        /** Answers {@code status}, but only after {@code millis}. */
        static Answer late(int status, long millis) {
            return new Answer(status, millis, null, false);
        }
    }

    /** One request as received. */
    record Request(String path, String webhookId, String body, boolean signatureValid, int status) {
    }

    private final byte[] key;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;

    ScriptedReceiver(String secret) throws IOException {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        start(0);
    }

    /** Answers on this path (others answer 200). */
    ScriptedReceiver on(String path, Script script) {
        scripts.put(path, script);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Goes away: connections to the port are refused. */
    void stop() {
        server.stop(0);
    }

    /** Comes back on the same port. */
    void restart() throws IOException {
        start(port);
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean valid = verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            int attempt = attemptsById.computeIfAbsent(path + "#" + id, k -> new AtomicInteger()).incrementAndGet();
            int request = requestsByPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = scripts.getOrDefault(path, (a, r) -> Answer.status(200)).answer(attempt, request);
            if (answer.hangMillis() > 0) {
                requests.add(new Request(path, id, body, valid, answer.closeAfterHang() ? -1 : answer.status()));
                released.await(answer.hangMillis(), TimeUnit.MILLISECONDS);
                if (answer.closeAfterHang()) {
                    return;
                }
            } else {
                requests.add(new Request(path, id, body, valid, answer.status()));
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Standard Webhooks verification: HMAC-SHA256 of id.timestamp.body, a timestamp within 5 minutes. */
    private boolean verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The webhook-ids this path answered 2xx to. */
    Set<String> accepted(String path) {
        return Set.copyOf(requests(path).stream().filter(r -> r.status() / 100 == 2).map(Request::webhookId).toList());
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
