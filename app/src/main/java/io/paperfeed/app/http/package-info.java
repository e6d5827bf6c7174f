/**
 * The HTTP server every paperfeed process runs (Jetty 12 core handlers, no servlets): routes by path
 * ({@link io.paperfeed.app.http.HttpServer#route}), and its limits declared in
 * {@link io.paperfeed.app.http.HttpSettings}: a bounded thread pool, a connection limit and a limit
 * per client address, a deadline for request headers against slowloris, idle timeouts that also end
 * writes to clients that stopped reading, bounded request headers and bodies, a minimum upload rate,
 * a QoS limit on expensive requests, optional TLS ({@code --https-keystore}), and JSON error
 * answers that echo nothing. Event streams write asynchronously, so a slow or silent client costs
 * buffers, not a thread. Meters: {@code paperfeed.http.threads}, {@code paperfeed.http.connections},
 * {@code paperfeed.http.refused{reason}}.
 */
package io.paperfeed.app.http;
