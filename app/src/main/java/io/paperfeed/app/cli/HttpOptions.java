package io.paperfeed.app.cli;

import io.paperfeed.app.http.HttpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the HTTP server listens, its limits, and HTTPS. */
public final class HttpOptions {

    /** The environment variable that may hold the keystore's password. */
    public static final String KEYSTORE_PASSWORD_ENV = "PAPERFEED_HTTPS_KEYSTORE_PASSWORD";

    @Option(names = {"--port", "--http-port"}, paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port for /metrics and /health; 0 picks a free port (env PAPERFEED_HTTP_PORT, default ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds to; 0.0.0.0 in containers (env PAPERFEED_HTTP_HOST, default ${DEFAULT-VALUE}).")
    public String host;

    @Option(names = "--http-max-threads", paramLabel = "N", defaultValue = "" + HttpSettings.DEFAULT_MAX_THREADS,
            description = "Request threads at most; event streams hold none (env PAPERFEED_HTTP_MAX_THREADS, default ${DEFAULT-VALUE}).")
    public int maxThreads;

    @Option(names = "--http-max-connections", paramLabel = "N", defaultValue = "" + HttpSettings.DEFAULT_MAX_CONNECTIONS,
            description = "Open connections at most (env PAPERFEED_HTTP_MAX_CONNECTIONS, default ${DEFAULT-VALUE}).")
    public int maxConnections;

    @Option(names = "--http-max-connections-per-client", paramLabel = "N",
            defaultValue = "" + HttpSettings.DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
            description = "Open connections of one client address at most (env PAPERFEED_HTTP_MAX_CONNECTIONS_PER_CLIENT, "
                    + "default ${DEFAULT-VALUE}).")
    public int maxConnectionsPerClient;

    @Option(names = "--http-idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection that makes no read or write progress for this long "
                    + "(env PAPERFEED_HTTP_IDLE_TIMEOUT, default ${DEFAULT-VALUE}).")
    public int idleTimeoutSeconds;

    @Option(names = "--http-header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection whose request headers are not all in within this long "
                    + "(env PAPERFEED_HTTP_HEADER_TIMEOUT, default ${DEFAULT-VALUE}).")
    public int headerTimeoutSeconds;

    @Option(names = "--https-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with this PKCS#12 (or JKS) keystore (env PAPERFEED_HTTPS_KEYSTORE); its password "
                    + "from " + KEYSTORE_PASSWORD_ENV + " or --https-keystore-password-file.")
    public Path keystore;

    @Option(names = "--https-keystore-password-file", paramLabel = "FILE",
            description = "File whose first line is the keystore's password (env PAPERFEED_HTTPS_KEYSTORE_PASSWORD_FILE).")
    public Path keystorePasswordFile;

    /** The server's settings; the keystore password from {@code env} or the password file. */
    public HttpSettings settings(Map<String, String> env) {
        HttpSettings.Tls tls = keystore == null ? null : new HttpSettings.Tls(keystore, keystorePassword(env));
        try {
            return new HttpSettings(host, port, maxThreads, maxConnections, maxConnectionsPerClient,
                    Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(headerTimeoutSeconds),
                    HttpSettings.DEFAULT_MAX_REQUEST_BYTES, HttpSettings.DEFAULT_MAX_EXPENSIVE_REQUESTS,
                    HttpSettings.DEFAULT_EXPENSIVE_WAIT, tls);
        } catch (IllegalArgumentException e) {
            throw new UserError("HTTP settings: " + e.getMessage());
        }
    }

    public HttpSettings settings() {
        return settings(System.getenv());
    }

    private String keystorePassword(Map<String, String> env) {
        if (!Files.isRegularFile(keystore)) {
            throw new UserError("the HTTPS keystore " + keystore + " does not exist");
        }
        if (keystorePasswordFile != null) {
            try {
                return Files.readAllLines(keystorePasswordFile).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UserError("cannot read the keystore password file " + keystorePasswordFile + ": "
                        + e.getMessage());
            }
        }
        String fromEnv = env.get(KEYSTORE_PASSWORD_ENV);
        if (fromEnv == null) {
            throw new UserError("--https-keystore needs its password in " + KEYSTORE_PASSWORD_ENV
                    + " or --https-keystore-password-file");
        }
        return fromEnv;
    }
}
