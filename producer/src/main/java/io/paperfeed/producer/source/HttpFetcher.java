package io.paperfeed.producer.source;

import io.paperfeed.producer.parse.FeedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feed documents over HTTP(S) with the JDK's {@link HttpClient}: conditional GET with the
 * validators of the last fetch, one request at a time per host with a gap between requests
 * ({@link HostRateLimiter}), retries with backoff and jitter ({@link RetryPolicy}), bodies bounded
 * in size ({@link BoundedBodySubscriber}), a 10 s connect timeout and a 60 s limit per request,
 * body included. Redirects are followed hop by hop as the {@link RedirectPolicy} allows (never to an
 * internal address of another host), each hop spaced like any request to its host. Asks for gzip; the reader unpacks it. Never throws for an HTTP or network failure:
 * after the last attempt it returns a failed {@link Fetch} whose error says why (the caller logs
 * it, once). Thread-safe.
 */
public final class HttpFetcher {

    /** How long to wait for a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one request may take, from sending it to the last byte of the body. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    private final HttpClient client;
    private final HostRateLimiter limiter;
    private final RetryPolicy retry;
    private final long maxBytes;
    private final Duration requestTimeout;
    private final Clock clock;
    private final String userAgent;
    private final RedirectPolicy redirects;

    /** Production settings: 3 s between requests per host, {@link RetryPolicy#standard()}, 64 MiB bodies. */
    public static HttpFetcher standard(Clock clock) {
        return new HttpFetcher(new HostRateLimiter(HostRateLimiter.ARXIV_GAP), RetryPolicy.standard(),
                FeedReader.MAX_FILE_BYTES, clock);
    }

    public HttpFetcher(HostRateLimiter limiter, RetryPolicy retry, long maxBytes, Clock clock) {
        this(limiter, retry, maxBytes, clock, RedirectPolicy.standard());
    }

    HttpFetcher(HostRateLimiter limiter, RetryPolicy retry, long maxBytes, Clock clock, RedirectPolicy redirects) {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build(), limiter, retry, maxBytes, REQUEST_TIMEOUT, clock, redirects);
    }

    HttpFetcher(HttpClient client, HostRateLimiter limiter, RetryPolicy retry, long maxBytes, Duration requestTimeout,
                Clock clock, RedirectPolicy redirects) {
        this.redirects = Objects.requireNonNull(redirects, "redirects");
        this.client = Objects.requireNonNull(client, "client");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.maxBytes = maxBytes;
        this.requestTimeout = requestTimeout;
        this.clock = Objects.requireNonNull(clock, "clock");
        String version = HttpFetcher.class.getPackage().getImplementationVersion();
        this.userAgent = "paperfeed/" + (version == null ? "dev" : version) + " (feed producer; Java HttpClient)";
    }

    /** GETs the URL, conditionally when validators are known, retrying as the policy says. */
    public Fetch fetch(String source, URI uri, Validators known) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Instant at = clock.instant();
            String problem;
            Optional<Duration> retryAfter = Optional.empty();
            Hops hops = new Hops(uri);
            try {
                at = clock.instant();
                HttpResponse<BoundedBodySubscriber.Body> response = hops.follow(known);
                int status = response.statusCode();
                if (status == 304) {
                    return Fetch.notModified(source, at, known.updatedBy(response.headers()), attempt);
                }
                if (status >= 200 && status < 300) {
                    return ok(source, at, response, attempt);
                }
                problem = "HTTP " + status;
                if (!retry.retriable(status)) {
                    return failed(source, at, problem, attempt);
                }
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After"), clock.instant());
            } catch (IOException e) {
                problem = describe(e);
            } catch (RedirectPolicy.RefusedRedirectException e) {
                return failed(source, at, "refused " + e.getMessage(), attempt);
            } finally {
                hops.close();
            }
            Optional<Duration> delay = retry.delayAfter(attempt, retryAfter);
            if (delay.isEmpty()) {
                return failed(source, at, problem + retryAfter.map(d -> " (the server asks to wait "
                        + d.toSeconds() + " s)").orElse("") + ", after " + attempt + " attempt(s)", attempt);
            }
            log.info("{}: {}; attempt {} of {} in {} ms", source, problem, attempt + 1, retry.maxAttempts(),
                    delay.get().toMillis());
            Thread.sleep(delay.get().toMillis());
        }
    }

    /** One attempt's requests: the configured URL, then each redirect, each under its host's permit. */
    private final class Hops implements AutoCloseable {
        private final URI configured;
        private HostRateLimiter.Permit permit;
        private String permitHost;

        Hops(URI configured) {
            this.configured = configured;
        }

        HttpResponse<BoundedBodySubscriber.Body> follow(Validators known)
                throws IOException, InterruptedException, RedirectPolicy.RefusedRedirectException {
            URI current = configured;
            for (int hop = 0; ; hop++) {
                enter(current.getHost());
                HttpResponse<BoundedBodySubscriber.Body> response = send(request(current, known));
                if (!isRedirect(response.statusCode())) {
                    return response;
                }
                current = redirects.next(configured, current, response.headers().firstValue("Location"), hop);
            }
        }

        private void enter(String host) throws InterruptedException {
            if (permit != null && host.equalsIgnoreCase(permitHost)) {
                return;
            }
            close();
            permit = limiter.acquire(host);
            permitHost = host;
        }

        @Override
        public void close() {
            if (permit != null) {
                permit.close();
                permit = null;
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private HttpRequest request(URI uri, Validators known) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip");
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        return request.build();
    }

    private HttpResponse<BoundedBodySubscriber.Body> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> future =
                client.sendAsync(request, BoundedBodySubscriber.handler(maxBytes));
        try {
            return future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + requestTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().toString(), e.getCause());
        }
    }

    private Fetch ok(String source, Instant at, HttpResponse<BoundedBodySubscriber.Body> response, int attempts) {
        Validators validators = Validators.NONE.updatedBy(response.headers());
        BoundedBodySubscriber.Body body = response.body();
        if (body.truncated()) {
            String detail = source + ": response body larger than the limit of " + maxBytes
                    + " bytes; cut off and not parsed";
            return Fetch.ok(source, at, List.of(), List.of(new FetchProblem(source, FetchProblem.TOO_LARGE, detail)),
                    validators, attempts);
        }
        return Fetch.ok(source, at, List.of(new FeedDocument(source, body.bytes(), at)), List.of(), validators,
                attempts);
    }

    private static Fetch failed(String source, Instant at, String problem, int attempts) {
        log.debug("{}: fetch failed: {}", source, problem);
        return Fetch.failed(source, at, source + ": " + problem, attempts);
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null || e.getMessage().isBlank() ? type : type + ": " + e.getMessage();
    }
}
