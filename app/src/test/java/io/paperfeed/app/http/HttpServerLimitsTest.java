package io.paperfeed.app.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperfeed.app.ops.Metrics;
import io.paperfeed.app.ops.OpsHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's declared limits, each shown to hold against a client that breaks it (127.0.0.1 only). */
class HttpServerLimitsTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private Metrics metrics;
    private OpsHttpServer server;

    private void start(HttpSettings settings) {
        metrics = new Metrics("test");
        server = new OpsHttpServer(settings, metrics);
        server.start();
        open.add(server);
        open.add(metrics);
    }

    private static HttpSettings settings(int perClient, Duration headerTimeout) {
        return new HttpSettings("127.0.0.1", 0, 16, 1000, perClient, Duration.ofSeconds(30), headerTimeout,
                1024, 4, Duration.ofSeconds(2), null);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void headersTricklingInSlowerThanTheDeadlineAreCutOffWhileHealthAnswers() throws Exception {
        start(settings(100, Duration.ofSeconds(2)));
        Socket slow = socket("127.0.0.1");
        OutputStream out = slow.getOutputStream();
        out.write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(400)).until(() -> {
            try {
                out.write("X-a: b\r\n".getBytes(StandardCharsets.US_ASCII)); // a header every 400 ms: never idle
                out.flush();
                assertEquals(200, get("/health").statusCode(), "others are served meanwhile");
                return closed(slow);
            } catch (IOException e) {
                return true;
            }
        });
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(1500).toNanos(), "not before the deadline");
        assertEquals(1.0, refused("slow-headers"));
    }

    @Test
    void oneClientAddressGetsSoManyConnectionsAndAnotherStillConnects() throws Exception {
        start(settings(3, Duration.ofSeconds(10)));
        List<Socket> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = socket("127.0.0.1");
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            assertEquals('H', s.getInputStream().read(), "answered, so counted, before the next one opens");
            mine.add(s);
        }
        Socket fourth = socket("127.0.0.1");
        await().atMost(Duration.ofSeconds(10)).until(() -> closed(fourth));
        for (Socket s : mine) {
            assertFalse(closed(s), "the first three stay open");
        }
        Socket other = socket("127.0.0.2");
        other.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(new String(other.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"),
                "another address is served");
        assertEquals(1.0, refused("per-client"));
    }

    @Test
    void connectionsCutByTheDeadlineFreeTheirPlaceUnderThePerClientLimit() throws Exception {
        start(settings(3, Duration.ofSeconds(1)));
        for (int round = 0; round < 3; round++) {
            List<Socket> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = socket("127.0.0.1");
                s.getOutputStream().write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                three.add(s);
            }
            for (Socket s : three) {
                await().atMost(Duration.ofSeconds(10)).until(() -> closed(s));
            }
        }
        assertEquals(0.0, refused("per-client"), "each round's connections were let in");
        assertEquals(9.0, refused("slow-headers"));
    }

    @Test
    void hostileRequestsGetAClearStatusAndNothingEchoed() throws Exception {
        start(settings(100, Duration.ofSeconds(10)));
        String marker = "ZQX" + System.nanoTime();
        assertStatus(raw("GET /health" + marker + "\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, marker);
        assertStatus(raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + marker + "y".repeat(9000) + "\r\n\r\n"), 431, marker);
        assertStatus(raw("GET /%2e%2e/%2e%2e/etc/passwd" + marker + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400, marker);
        assertStatus(raw("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "b".repeat(5000)), 413, marker);
        assertStatus(raw("GET /no/such/path/" + marker + " HTTP/1.1\r\nHost: x\r\n\r\n"), 404, marker);
        assertStatus(raw("BREW /health HTTP/1.1\r\nHost: x\r\n\r\n"), 405, marker);
        assertStatus(raw("GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"),
                400, marker);
    }

    @Test
    void httpsWithAKeystoreServesAndPlainHttpOnItIsNotAnswered(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "pw-" + System.nanoTime();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "paperfeed", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password).redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        HttpSettings plain = settings(100, Duration.ofSeconds(10));
        start(new HttpSettings(plain.host(), 0, plain.maxThreads(), plain.maxConnections(),
                plain.maxConnectionsPerClient(), plain.idleTimeout(), plain.headerTimeout(), plain.maxRequestBytes(),
                plain.maxExpensiveRequests(), plain.expensiveWait(), new HttpSettings.Tls(keystore, password)));
        assertEquals("https", server.scheme());

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        HttpResponse<String> health = HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertFalse(new HttpSettings.Tls(keystore, password).toString().contains(password));
        String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertFalse(answer.startsWith("HTTP/1.1 200"), "no plain HTTP on the TLS port: " + answer);
    }

    private void assertStatus(String answer, int status, String marker) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertFalse(answer.contains(marker), "nothing of the request echoed: " + answer);
        assertFalse(answer.contains("Exception") || answer.contains("at org.eclipse"), answer);
    }

    private double refused(String reason) {
        return metrics.registry().get("paperfeed.http.refused").tag("reason", reason).counter().count();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request on its own connection; the answer as text (what came before the server closed or 3 s passed). */
    private String raw(String request) throws IOException {
        try (Socket s = socket("127.0.0.1")) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.setSoTimeout(3000);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (answer.indexOf("\r\n\r\n") > 0 && answer.length() > 200) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException done) {
                // what came is the answer
            }
            return answer.toString();
        }
    }

    private Socket socket(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        open.add(s);
        return s;
    }

    /** Whether the server closed the connection (a read sees the end). */
    private static boolean closed(Socket s) throws IOException {
        s.setSoTimeout(100);
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
