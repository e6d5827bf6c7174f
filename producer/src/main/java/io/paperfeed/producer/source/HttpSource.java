package io.paperfeed.producer.source;

import io.paperfeed.net.RedactedUrl;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP(S) URL, fetched with a shared {@link HttpFetcher} (so the per-host gap covers every URL of a
 * host). Its name, used in metric labels, logs, the checkpoint and every item's provenance, is the URL
 * {@link RedactedUrl redacted}: an API key in the query string or a password in it is never shown.
 */
public final class HttpSource implements FeedSource {

    private final String name;
    private final URI uri;
    private final HttpFetcher fetcher;

    /**
     * @param url an absolute {@code http} or {@code https} URL with a host
     * @throws IllegalArgumentException for anything else
     */
    public HttpSource(String url, HttpFetcher fetcher) {
        Objects.requireNonNull(url, "url");
        this.name = RedactedUrl.of(url);
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        URI parsed;
        try {
            parsed = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + name + " (" + e.getMessage().replace(url, name) + ")", e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + name);
        }
        this.uri = parsed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Fetch fetch(Validators known) throws InterruptedException {
        return fetcher.fetch(name, uri, known);
    }
}
