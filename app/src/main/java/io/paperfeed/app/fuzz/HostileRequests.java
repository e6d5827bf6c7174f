package io.paperfeed.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile HTTP requests to every endpoint of a paperfeed process: each starts from a valid request to
 * one endpoint (the health and metrics endpoints, the status page, the taxonomy, the subscription API
 * with and without tokens, the event streams) and is mutated in its method, path, query, headers or
 * body, or as bytes. Subscriptions written by valid mutations use ten ids ({@code fuzz-0..9}), so a
 * run leaves at most ten behind.
 */
final class HostileRequests {

    /** One request: the endpoint it started from and its bytes. */
    record Hostile(String endpoint, byte[] bytes) {
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
            "TRACE", "CONNECT", "BREW", "get", "G\u00e9T", "GET GET", "");
    private static final List<String> BODIES = List.of(
            "{\"id\":\"fuzz-%d\",\"query\":\"abstract:\\\"kv cache\\\" OR title:attention\",\"topics\":[\"kv-cache\"]}",
            "{\"id\":\"fuzz-%d\",\"topics\":[\"llm-serving\"],\"mode\":\"digest\",\"alertOnUpdate\":true}",
            "{\"id\":\"fuzz-%d\",\"query\":\"svd\",\"delivery\":[{\"type\":\"webhook\",\"url\":\"https://hooks.example.org/x\","
                    + "\"secret\":\"whsec_c2VjcmV0LXNlY3JldA==\",\"format\":\"slack\"}]}",
            "{\"id\":\"fuzz-%d\",\"query\":\"(a AND (b OR c)) NOT d~2 AND e* AND \\\"f g\\\"~3\"}");

    private final Mutator mutator;
    private final String token;
    private final List<String> topics;

    HostileRequests(Mutator mutator, String token, List<String> topics) {
        this.mutator = mutator;
        this.token = token;
        this.topics = topics;
    }

    /** The endpoints fuzzed, by name. */
    static List<String> endpoints() {
        return List.of("GET /health", "GET /metrics", "GET /status.json", "GET /", "GET /topics", "GET /topics/{id}",
                "GET /topics/{id}/events", "GET /subscriptions", "POST /subscriptions", "GET /subscriptions/{id}",
                "DELETE /subscriptions/{id}", "POST /subscriptions/{id}/read-token", "GET /subscriptions/{id}/events");
    }

    Hostile next(String endpoint) {
        String topic = mutator.pick(topics);
        String sub = "fuzz-" + mutator.nextInt(10);
        String[] parts = endpoint.split(" ", 2);
        String method = parts[0];
        String path = parts[1].replace("/topics/{id}", "/topics/" + topic).replace("{id}", sub);
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1"));
        if (path.startsWith("/subscriptions")) {
            headers.add("Authorization: Bearer " + (mutator.nextInt(10) == 0 ? "pf_wrong" : token));
        }
        if (path.endsWith("/events")) {
            headers.add("Last-Event-ID: " + (mutator.nextInt(3) == 0 ? "0:" + mutator.nextInt(1000) : "garbage"));
        }
        byte[] body = new byte[0];
        if (method.equals("POST") && path.equals("/subscriptions")) {
            body = String.format(mutator.pick(BODIES), mutator.nextInt(10)).getBytes(StandardCharsets.UTF_8);
            headers.add("Content-Type: application/json");
        }
        switch (mutator.nextInt(10)) {
            case 0 -> method = mutator.pick(METHODS);
            case 1 -> path = new String(mutator.mutate(path.getBytes(StandardCharsets.UTF_8), "/../%2e%00".getBytes(
                    StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
            case 2 -> path = path + "?" + new String(mutator.generate(mutator.nextInt(300)), StandardCharsets.ISO_8859_1)
                    .replace(' ', '+').replace("\r", "").replace("\n", "");
            case 3 -> headers.set(mutator.nextInt(headers.size()), mutated(headers.get(0)));
            case 4 -> headers.add(mutator.nextInt(2) == 0 ? "X-Big: " + "h".repeat(mutator.nextInt(20_000))
                    : "Content-Type: " + mutator.pick(List.of("text/plain", "application/json; charset=bogus", "")));
            case 5, 6 -> body = mutator.mutate(body.length == 0 ? BODIES.get(0).getBytes(StandardCharsets.UTF_8) : body,
                    BODIES.get(1).getBytes(StandardCharsets.UTF_8));
            default -> {
                // the valid request, or one mutated as bytes below
            }
        }
        byte[] request = build(method, path, headers, body);
        return new Hostile(endpoint, mutator.nextInt(8) == 0 ? mutator.mutate(request, request) : request);
    }

    private String mutated(String header) {
        return new String(mutator.mutate(header.getBytes(StandardCharsets.UTF_8), ": \r\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.ISO_8859_1).replace("\r\n", "");
    }

    private static byte[] build(String method, String path, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] top = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[top.length + body.length];
        System.arraycopy(top, 0, out, 0, top.length);
        System.arraycopy(body, 0, out, top.length, body.length);
        return out;
    }
}
