package io.paperfeed.app.cli;

import picocli.CommandLine.Option;

/** Where the /metrics and /health endpoints listen. */
public final class HttpOptions {

    @Option(names = {"--port", "--http-port"}, paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port for /metrics and /health; 0 picks a free port (env PAPERFEED_HTTP_PORT, default ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds to; 0.0.0.0 in containers (env PAPERFEED_HTTP_HOST, default ${DEFAULT-VALUE}).")
    public String host;
}
