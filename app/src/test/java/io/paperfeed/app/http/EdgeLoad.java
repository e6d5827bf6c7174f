package io.paperfeed.app.http;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load tool (a main, not a test) against a running demo on 127.0.0.1: holds SLOWLORIS connections
 * that send request headers a few bytes every 5 s (reopened when the server cuts them) and SSE
 * clients that never read, spread over ten and four loopback source addresses (127.0.0.2..), for
 * SECONDS; meanwhile asks {@code /health} every second from 127.0.0.1 and reads the process's live
 * thread count from {@code /metrics}, and at half time and at the end connects a new SSE client and
 * counts the events it gets within 10 s. Args: BASE_URL [slowloris=500] [sse=200] [seconds=60] [stream path].
 */
public final class EdgeLoad {

    private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads\\{[^}]*} ([0-9.]+)");
    private static final Pattern HTTP_THREADS = Pattern.compile("(?m)^paperfeed_http_threads\\{[^}]*state=\"total\"[^}]*} ([0-9.]+)");

    private EdgeLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int slowloris = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int sse = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        String stream = args.length > 4 ? args[4] : "/subscriptions/all-papers/events";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("before: %s%n", threads(http, base));

        List<Socket> slow = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reopened = new AtomicInteger();
        for (int i = 0; i < slowloris; i++) {
            slow.add(openSlow(base, sourceOf(i)));
        }
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < sse; i++) {
            silent.add(openSilentSse(base, "127.0.0." + (12 + i % 4), stream));
        }
        System.out.printf("holding %d slowloris connections and %d SSE clients that never read, for %d s%n",
                slowloris, sse, seconds);

        Readings readings = new Readings();
        CountDownLatch done = new CountDownLatch(seconds);
        AtomicInteger second = new AtomicInteger();
        // the load's pace is the scheduler's: one tick a second, at a fixed rate
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ticks.scheduleAtFixedRate(() -> {
            int now = second.getAndIncrement();
            if (now >= seconds) {
                return;
            }
            try {
                if (now % 5 == 0) {
                    trickle(slow, base, reopened);
                }
                readings.health(http, base);
                readings.threads(threadCounts(http, base));
                if (now == seconds / 2) {
                    System.out.printf("at %d s: a new SSE client got %d events within 10 s%n", now,
                            newClientEvents(base, stream));
                }
            } catch (RuntimeException e) { // a tick that throws would stop the schedule: report it, go on
                System.out.printf("at %d s: %s%n", now, e);
            } finally {
                done.countDown();
            }
        }, 0, 1, TimeUnit.SECONDS);
        done.await();
        ticks.shutdownNow();
        List<Long> health = readings.health;
        System.out.printf("at the end: a new SSE client got %d events within 10 s%n", newClientEvents(base, stream));
        Collections.sort(health);
        System.out.printf("/health: %d answers, %d failures; p50 %d ms, p99 %d ms, max %d ms%n", health.size(),
                readings.healthFailures, pct(health, 0.5), pct(health, 0.99), health.isEmpty() ? -1 : health.get(health.size() - 1));
        System.out.printf("slowloris connections cut by the server and reopened: %d%n", reopened.get());
        System.out.printf("process threads: at most %.0f live (HTTP pool at most %.0f)%n", readings.maxThreads,
                readings.maxHttpThreads);
        for (Socket s : slow) {
            s.close();
        }
        for (Socket s : silent) {
            s.close();
        }
        // the count after the clients left: once two readings a second apart agree (the server let go of them)
        AtomicReference<Double> last = new AtomicReference<>(-2.0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            double now = threadCounts(http, base)[0];
            return now == last.getAndSet(now);
        });
        System.out.printf("after: %s%n", threads(http, base));
    }

    /** What the ticks read: /health answer times and failures, the highest thread counts. */
    private static final class Readings {
        final List<Long> health = Collections.synchronizedList(new ArrayList<>());
        volatile int healthFailures;
        volatile double maxThreads;
        volatile double maxHttpThreads;

        void health(HttpClient http, URI base) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                health.add((System.nanoTime() - t0) / 1_000_000);
                if (r.statusCode() != 200) {
                    healthFailures++;
                }
            } catch (IOException e) {
                healthFailures++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void threads(double[] counts) {
            maxThreads = Math.max(maxThreads, counts[0]);
            maxHttpThreads = Math.max(maxHttpThreads, counts[1]);
        }
    }

    private static Socket openSlow(URI base, String from) throws IOException {
        Socket s = socket(base, from);
        s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + base.getHost() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    /** One more header line on every slow connection; a cut one is reopened. */
    private static void trickle(List<Socket> slow, URI base, AtomicInteger reopened) {
        synchronized (slow) {
            for (int i = 0; i < slow.size(); i++) {
                Socket s = slow.get(i);
                try {
                    OutputStream out = s.getOutputStream();
                    out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (closedByServer(s)) {
                        throw new IOException("closed");
                    }
                } catch (IOException cut) {
                    String from = sourceOf(i);
                    try {
                        s.close();
                        slow.set(i, openSlow(base, from));
                        reopened.incrementAndGet();
                    } catch (IOException e) {
                        // the server refused it for now; retried at the next trickle
                    }
                }
            }
        }
    }

    /** The source address of slow connection {@code i}: ten attackers, 127.0.0.2 to 127.0.0.11. */
    private static String sourceOf(int i) {
        return "127.0.0." + (2 + i % 10);
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        }
    }

    private static Socket openSilentSse(URI base, String from, String stream) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        s.getOutputStream().write(("GET " + stream + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static Socket socket(URI base, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        return s;
    }

    /** Events a fresh client reads within 10 s. */
    private static int newClientEvents(URI base, String stream) {
        int events = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Socket s = socket(base, "127.0.0.1")) {
            s.getOutputStream().write(("GET " + stream + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(1000);
            BufferedReader lines = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            while (System.nanoTime() < deadline) {
                String line;
                try {
                    line = lines.readLine();
                } catch (java.net.SocketTimeoutException quiet) {
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.startsWith("id: ")) {
                    events++;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return events;
    }

    private static String threads(HttpClient http, URI base) {
        double[] t = threadCounts(http, base);
        return String.format("%.0f live threads (HTTP pool %.0f)", t[0], t[1]);
    }

    private static double[] threadCounts(HttpClient http, URI base) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return new double[] {first(THREADS, metrics), first(HTTP_THREADS, metrics)};
        } catch (IOException | InterruptedException e) {
            return new double[] {-1, -1};
        }
    }

    private static double first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
