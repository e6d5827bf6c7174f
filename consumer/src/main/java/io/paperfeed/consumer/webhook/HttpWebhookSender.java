package io.paperfeed.consumer.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.InetAddressUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends webhooks with Apache HttpClient 5: a pooled client whose DNS resolver is guarded
 * ({@link GuardedDnsResolver}), a connect timeout, a whole-request deadline (the request is cancelled
 * when it passes), no redirects, no automatic retries (the retry topic does that), no cookies.
 */
public final class HttpWebhookSender implements WebhookSender {

    private final AddressGuard guard;
    private final Duration requestTimeout;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperfeed-webhook-deadlines");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param maxConnections connections in the pool, in all and to one host
     */
    public HttpWebhookSender(AddressGuard guard, Duration connectTimeout, Duration requestTimeout, int maxConnections,
            Clock clock) {
        this.guard = guard;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        Timeout whole = Timeout.of(requestTimeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(whole)
                                .build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(whole)
                        .setConnectionRequestTimeout(whole)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("paperfeed-webhooks")
                .build();
    }

    @Override
    public SendResult send(String url, String messageId, byte[] body, WebhookSigner signer) {
        URI uri;
        try {
            uri = new URI(url);
            checkLiteralAddress(uri.getHost());
        } catch (URISyntaxException e) {
            return new SendResult(SendResult.Outcome.REJECTED, 0, "not a URL: " + e.getMessage(), null);
        } catch (RefusedAddressException e) {
            return SendResult.refused(e.getMessage());
        } catch (IOException e) {
            return SendResult.failed(describe(e));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(uri);
        post.setHeader("webhook-id", messageId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signer.sign(messageId, timestamp, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                return SendResult.ofStatus(response.getCode(),
                        RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant()));
            });
        } catch (IOException | RuntimeException e) {
            RefusedAddressException refused = refusedCause(e);
            if (refused != null) {
                return SendResult.refused(refused.getMessage());
            }
            if (post.isCancelled()) {
                return SendResult.failed("no complete answer within " + requestTimeout.toMillis() + " ms");
            }
            return SendResult.failed(describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    /** An IP literal in the url is checked here, before the client could take it as already resolved. */
    private void checkLiteralAddress(String host) throws IOException {
        if (host == null) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (InetAddressUtils.isIPv4(bare) || InetAddressUtils.isIPv6(bare)) {
            guard.check(host, InetAddress.getByName(bare));
        }
    }

    private static RefusedAddressException refusedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException r) {
                return r;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        deadlines.shutdownNow();
    }
}
