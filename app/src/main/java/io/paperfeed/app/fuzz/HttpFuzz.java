package io.paperfeed.app.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends hostile requests ({@link HostileRequests}) to every endpoint of a running paperfeed process on
 * loopback, from a few keep-alive connections (each from its own loopback address). Every answer must be a
 * status below 500, 503 (busy, or Kafka not answering in time), or 501/505 for a method or HTTP version the
 * request made up: a 500 or another 5xx is a failure; so is a growth of the process's
 * {@code paperfeed_api_errors_total{reason="internal"}}, which counts every bug the API caught. A
 * connection the server closed without answering, and a request the server keeps waiting for (a
 * body shorter than its Content-Length), are counted apart.
 */
final class HttpFuzz {

    private static final Pattern INTERNAL = Pattern.compile(
            "(?m)^paperfeed_api_errors_total\\{[^}]*reason=\"internal\"[^}]*} ([0-9.]+)");
    private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads\\{[^}]*} ([0-9.]+)");

    /** 503: busy or Kafka late; 501, 505: a method or HTTP version the request made up (RFC 9110). */
    private static final java.util.Set<Integer> PROTOCOL_REFUSALS = java.util.Set.of(501, 503, 505);

    private final URI target;
    private final String token;
    private final List<String> topics;
    private final int connections;

    HttpFuzz(URI target, String token, List<String> topics, int connections) {
        this.target = target;
        this.token = token;
        this.topics = topics;
        this.connections = connections;
    }

    /** {@code perEndpoint} hostile requests to each endpoint; one tally per endpoint, then one for the process. */
    List<FuzzTally> run(long perEndpoint, long seed) throws Exception {
        Map<String, FuzzTally> tallies = new LinkedHashMap<>();
        HostileRequests.endpoints().forEach(e -> tallies.put(e, new FuzzTally("http " + e)));
        double internalBefore = scrape(INTERNAL);
        long total = perEndpoint * tallies.size();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            long workerSeed = seed + w;
            int worker = w;
            workers.add(pool.submit(() -> work(tallies, total, next, workerSeed, worker)));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        FuzzTally process = new FuzzTally("http process");
        double internal = scrape(INTERNAL) - internalBefore;
        process.record("internal errors " + (long) internal + ", live threads after " + (long) scrape(THREADS)
                + ", /health " + healthStatus(), 0, 0);
        if (internal > 0) {
            process.fail((long) internal + " requests answered 500 internal (see the process log)", new byte[0]);
        }
        List<FuzzTally> out = new ArrayList<>(tallies.values());
        out.add(process);
        return out;
    }

    private Void work(Map<String, FuzzTally> tallies, long total, AtomicLong next, long seed, int worker)
            throws IOException {
        Mutator mutator = new Mutator(seed, 64 * 1024);
        HostileRequests requests = new HostileRequests(mutator, token, topics);
        List<String> endpoints = HostileRequests.endpoints();
        try (RawHttp http = new RawHttp(new InetSocketAddress(target.getHost(), target.getPort()), 1_000, 4096)
                .from("127.0.0." + (20 + worker % 200)).oneRequestPerConnection()) {
            for (long i; (i = next.getAndIncrement()) < total; ) {
                String endpoint = endpoints.get((int) (i % endpoints.size()));
                HostileRequests.Hostile request = requests.next(endpoint);
                long start = System.nanoTime();
                RawHttp.Answer answer = http.send(request.bytes());
                FuzzTally tally = tallies.get(endpoint);
                tally.record(outcome(answer.status()), System.nanoTime() - start, 0);
                if (answer.status() == -1) {
                    tally.note("closed without an answer", request.bytes());
                }
                if (answer.status() >= 500 && !PROTOCOL_REFUSALS.contains(answer.status())) {
                    tally.fail("HTTP " + answer.status() + " " + answer.body().strip(), request.bytes());
                }
            }
        }
        return null;
    }

    private static String outcome(int status) {
        return switch (status) {
            case -1 -> "closed";
            case 0 -> "kept waiting";
            case 503 -> "503";
            case 501, 505 -> "501/505";
            default -> (status / 100) + "xx";
        };
    }

    private double scrape(Pattern pattern) throws IOException {
        try (RawHttp http = new RawHttp(new InetSocketAddress(target.getHost(), target.getPort()), 10_000, 16 * 1024 * 1024)) {
            RawHttp.Answer metrics = http.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Matcher m = pattern.matcher(metrics.body());
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
    }

    private int healthStatus() throws IOException {
        try (RawHttp http = new RawHttp(new InetSocketAddress(target.getHost(), target.getPort()), 10_000, 16 * 1024 * 1024)) {
            return http.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).status();
        }
    }
}
