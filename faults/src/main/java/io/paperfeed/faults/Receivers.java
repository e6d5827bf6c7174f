package io.paperfeed.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook receivers on 127.0.0.1, each a port of its own and a behaviour: {@code ok}; {@code hang:S} accepts
 * every request of the first {@code S} seconds after its first request and never answers it (the sender's
 * deadline passes), then answers 200 ({@code hang:-1}: never); {@code error500:S} answers 500 for {@code S}
 * seconds from its first request, then 200; {@code down:S} does not listen for the first {@code S} seconds
 * after the program starts, then answers 200. Every request is a line of
 * {@code receipts.jsonl}: receiver, {@code webhook-id} header, the alert id, subscription and paper of the body,
 * the status answered (0 for a request left hanging) and the time.
 *
 * <pre>Receivers --dir WORK --receivers name:port:behaviour,...</pre>
 */
public final class Receivers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer receipts;
    private final long started = System.currentTimeMillis();

    private Receivers(Writer receipts) {
        this.receipts = receipts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path dir = Path.of(a.get("dir"));
        Writer receipts = Files.newBufferedWriter(dir.resolve("receipts.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Receivers receivers = new Receivers(receipts);
        for (String spec : a.get("receivers").split(",")) {
            String[] parts = spec.split(":");
            receivers.start(parts[0], Integer.parseInt(parts[1]), parts[2],
                    parts.length > 3 ? Long.parseLong(parts[3]) : 0);
        }
        System.out.println("fault receivers: listening (" + a.get("receivers") + ")");
        new CountDownLatch(1).await(); // until killed
    }

    private void start(String name, int port, String behaviour, long seconds) throws IOException {
        long until = seconds < 0 ? Long.MAX_VALUE : started + seconds * 1000;
        if (behaviour.equals("down")) {
            Thread later = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, until - System.currentTimeMillis()));
                    listen(name, port, "ok", 0, null);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            later.setDaemon(true);
            later.start();
        } else {
            listen(name, port, behaviour, 0, seconds < 0 ? Long.MAX_VALUE / 2 : seconds * 1000);
        }
    }

    /** @param window how long the behaviour lasts from the first request (null: from {@code until}) */
    private void listen(String name, int port, String behaviour, long until, Long window) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.setExecutor(Executors.newCachedThreadPool());
        AtomicLong end = new AtomicLong(window == null ? until : -1);
        server.createContext("/", exchange -> {
            if (window != null) {
                end.compareAndSet(-1, System.currentTimeMillis() + window);
            }
            handle(name, behaviour, end.get(), exchange);
        });
        server.start();
    }

    private void handle(String name, String behaviour, long until, HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean early = System.currentTimeMillis() < until;
        int status = !early || behaviour.equals("ok") ? 200 : behaviour.equals("error500") ? 500 : 0;
        record(name, exchange.getRequestHeaders().getFirst("webhook-id"), body, status);
        if (status == 0) { // hang: hold the request until the sender gave up long ago
            try {
                Thread.sleep(Math.min(Math.max(0, until - System.currentTimeMillis()), 120_000) + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized void record(String receiver, String webhookId, byte[] body, int status) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("receiver", receiver);
        line.put("webhookId", webhookId);
        try {
            JsonNode alert = JSON.readTree(body);
            line.put("alertId", alert.path("alertId").asText(null));
            line.put("subscriptionId", alert.path("subscriptionId").asText(null));
            line.put("paperId", alert.path("paper").path("id").asText(null));
        } catch (IOException e) {
            line.put("unreadableBody", true);
        }
        line.put("status", status);
        line.put("at", System.currentTimeMillis());
        receipts.write(line + "\n");
        receipts.flush();
    }
}
