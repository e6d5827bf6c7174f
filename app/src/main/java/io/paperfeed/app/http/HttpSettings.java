package io.paperfeed.app.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits and shape of a process's HTTP server, read once and validated.
 *
 * @param host                    address to bind (127.0.0.1 by default)
 * @param port                    port to bind; 0 picks a free one
 * @param maxThreads              request threads at most (a bounded pool; event streams hold none)
 * @param maxConnections          open connections at most; past it the server stops accepting until one closes
 * @param maxConnectionsPerClient open connections of one client address at most; more are closed at once
 * @param idleTimeout             a connection with no read or write progress for this long is closed
 *                                (so a write to a client that stopped reading times out too)
 * @param headerTimeout           a request whose headers have not all arrived within this is closed (slowloris)
 * @param maxRequestBytes         request bodies larger than this are refused with 413
 * @param maxExpensiveRequests    writes and scrapes served at once; more wait (up to {@code expensiveWait})
 * @param expensiveWait           how long a request waits for an expensive slot before 503
 * @param tls                     the keystore to serve HTTPS with, or null for plain HTTP
 */
public record HttpSettings(String host, int port, int maxThreads, int maxConnections, int maxConnectionsPerClient,
                           Duration idleTimeout, Duration headerTimeout, long maxRequestBytes,
                           int maxExpensiveRequests, Duration expensiveWait, Tls tls) {

    public static final int DEFAULT_MAX_THREADS = 64;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 256;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_EXPENSIVE_REQUESTS = 16;
    public static final Duration DEFAULT_EXPENSIVE_WAIT = Duration.ofSeconds(10);

    /**
     * A PKCS#12 or JKS keystore with the server's key and certificate.
     *
     * @param password the keystore's password (from the environment or a file, never a flag); never logged
     */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }
    }

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("maxThreads must be at least 8: " + maxThreads);
        }
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || maxExpensiveRequests < 1 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("connection, request and size limits must be at least 1");
        }
        for (Duration d : new Duration[] {idleTimeout, headerTimeout, expensiveWait}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
    }

    /** The defaults on {@code host:port}, plain HTTP. */
    public static HttpSettings defaults(String host, int port) {
        return new HttpSettings(host, port, DEFAULT_MAX_THREADS, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
                DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_EXPENSIVE_REQUESTS, DEFAULT_EXPENSIVE_WAIT, null);
    }

    public boolean secure() {
        return tls != null;
    }
}
